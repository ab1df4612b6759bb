package org.distprop.methods.core;

import java.util.ArrayList;
import java.util.List;
import org.distprop.datasets.Batch;
import org.distprop.datasets.ImageShape;
import org.distprop.methods.Evaluation;
import org.distprop.methods.MethodContext;
import org.distprop.methods.TrainingMethod;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Base of every graph-mode method: owns the Graph and Session, the input placeholders (images,
 * labels, dataset indices, a per-step noise seed) and the evaluation ops of the plain composed
 * network. Subclasses add their training ops in the constructor, then call {@link #initialize()}.
 * The graph is built once; a step is one or more {@code session.run} calls on fixed ops.
 */
public abstract class GraphMethod implements TrainingMethod {
    protected final MethodContext ctx;
    protected final Graph graph;
    protected final Ops tf;
    protected final Seeds seeds;
    protected final Placeholder<TFloat32> x;
    protected final Placeholder<TInt32> y;
    protected final Placeholder<TInt32> idx;
    /** [2] int64 seed for stateless noise, fed as [mix(runSeed, step), 0] each step. */
    protected final Placeholder<TInt64> noiseSeed;
    private Session session;
    private Operand<TFloat32> evalLossSum;
    private Operand<TFloat32> evalTop1;
    private Operand<TFloat32> evalTop5;
    private long stepCounter;
    private List<Operand<?>> trainFetches = List.of();
    private List<org.tensorflow.op.Op> trainTargets = List.of();
    private final List<Feed> benchmarkFeeds = new ArrayList<>();
    /**
     * Input tensors reused across steps, one set per batch size (training, the last short batch of an epoch,
     * evaluation): a step copies the batch into them instead of allocating native tensors every step.
     */
    private final java.util.LinkedHashMap<Integer, InputTensors> reusable = new java.util.LinkedHashMap<>();
    private static final int MAX_REUSED_SIZES = 4;

    protected GraphMethod(MethodContext ctx) {
        this.ctx = ctx;
        this.graph = new Graph();
        this.tf = Ops.create(graph);
        this.seeds = new Seeds(ctx.seed());
        ImageShape s = ctx.data().shape();
        this.x = tf.withName("x").placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, s.height(), s.width(), s.channels())));
        this.y = tf.withName("y").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        this.idx = tf.withName("idx").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        this.noiseSeed = tf.withName("noise_seed").placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
    }

    /** Registers the network whose plain forward pass {@link #evaluate} measures. */
    protected final void evaluateWith(Network net) {
        var logits = net.forward(tf, x, false, null);
        int classes = ctx.data().numClasses();
        evalLossSum = tf.reduceSum(Losses.nllPerExample(tf, logits, y, classes), tf.constant(0));
        evalTop1 = Losses.topKCorrect(tf, logits, y, 1);
        evalTop5 = Losses.topKCorrect(tf, logits, y, Math.min(5, classes));
    }

    /**
     * Declares the ops one training {@code session.run} fetches and runs, so {@link #runTrain} and
     * {@link #bareStep} use exactly the same work.
     */
    protected final void trainStep(List<? extends Operand<?>> fetches, List<? extends org.tensorflow.op.Op> targets) {
        this.trainFetches = List.copyOf(fetches);
        this.trainTargets = List.copyOf(targets);
    }

    /** The update ops of one training step (as declared with {@link #trainStep}). */
    protected final List<org.tensorflow.op.Op> trainTargets() {
        return trainTargets;
    }

    /** Runs the declared training ops on one batch; the caller reads the fetches and closes the result. */
    protected final Result runTrain(Feed f) {
        return trainRunner(f).run();
    }

    private Session.Runner trainRunner(Feed f) {
        var r = f.runner();
        trainFetches.forEach(r::fetch);
        trainTargets.forEach(r::addTarget);
        return r;
    }

    /**
     * For benchmarks: the bare session loop of this method's graph, i.e. the training ops on a batch
     * fed once, with no batch assembly, tensor creation or metric extraction.
     */
    public final Runnable bareStep(Batch b) {
        Feed f = new Feed(b, 0);
        benchmarkFeeds.add(f);
        return () -> {
            try (Result r = runTrain(f)) {
                // fetched values are discarded
            }
        };
    }

    /**
     * For profiling: one training step's ops on {@code b} (fed once, as {@link #bareStep}) run with a full
     * trace, returning TF's per-node step stats. Does not advance the step counter.
     */
    public final org.tensorflow.proto.RunMetadata traceStep(Batch b) {
        try (Feed f = new Feed(b, 0)) {
            var r = trainRunner(f).setOptions(org.tensorflow.proto.RunOptions.newBuilder()
                    .setTraceLevel(org.tensorflow.proto.RunOptions.TraceLevel.FULL_TRACE).build());
            try (Result res = r.runAndFetchMetadata()) {
                return res.getMetadata().orElseThrow();
            }
        }
    }

    /** Creates the session and runs all initialisers; call once the graph is complete. */
    protected final void initialize() {
        ConfigProto.Builder cfg = ConfigProto.newBuilder();
        if (ctx.threads() > 0) {
            cfg.setIntraOpParallelismThreads(ctx.threads()).setInterOpParallelismThreads(ctx.threads());
        }
        session = new Session(graph, cfg.build());
        session.initialize();
    }

    protected final Session session() {
        return session;
    }

    /** A runner with this batch's images, labels, indices and the step's noise seed fed. */
    protected final Feed feed(Batch b) {
        return new Feed(b, stepCounter++, reused(b));
    }

    /** The reused input tensors for {@code b}'s size, filled with {@code b}. */
    private InputTensors reused(Batch b) {
        InputTensors t = reusable.get(b.size());
        if (t == null) {
            if (reusable.size() >= MAX_REUSED_SIZES) { // e.g. a sweep of eval batch sizes: drop the oldest
                var oldest = reusable.entrySet().iterator().next();
                oldest.getValue().close();
                reusable.remove(oldest.getKey());
            }
            t = new InputTensors(b.size(), b.shape());
            reusable.put(b.size(), t);
        }
        return t;
    }

    /** Native input tensors for one batch size: images, labels, dataset indices, the [2] noise seed. */
    private static final class InputTensors implements AutoCloseable {
        final TFloat32 images;
        final TInt32 labels;
        final TInt32 indices;
        final TInt64 seed;

        InputTensors(int n, ImageShape s) {
            images = TFloat32.tensorOf(Shape.of(n, s.height(), s.width(), s.channels()));
            labels = TInt32.tensorOf(Shape.of(n));
            indices = TInt32.tensorOf(Shape.of(n));
            seed = TInt64.tensorOf(Shape.of(2));
        }

        void fill(Batch b, long noiseSeed) {
            images.copyFrom(DataBuffers.of(b.images(), true, false));
            labels.copyFrom(DataBuffers.of(b.labels(), true, false));
            indices.copyFrom(DataBuffers.of(b.indices(), true, false));
            seed.setLong(noiseSeed, 0);
            seed.setLong(0L, 1);
        }

        @Override
        public void close() {
            for (Tensor t : List.of(images, labels, indices, seed)) {
                t.close();
            }
        }
    }

    /**
     * Feeds one batch. Training steps and evaluation use the method's reused tensors (closing the Feed keeps
     * them); one-off feeds (initialisation passes, diagnostics, the benchmark's fixed batch) own theirs.
     */
    protected final class Feed implements AutoCloseable {
        private final InputTensors tensors;
        private final boolean owned;
        private final long step;

        /** A one-off feed with its own tensors, closed with it. */
        Feed(Batch b, long step) {
            this(b, step, new InputTensors(b.size(), b.shape()), true);
        }

        Feed(Batch b, long step, InputTensors reused) {
            this(b, step, reused, false);
        }

        private Feed(Batch b, long step, InputTensors t, boolean owned) {
            this.tensors = t;
            this.owned = owned;
            this.step = step;
            t.fill(b, org.distprop.datasets.Batcher.mix(ctx.seed(), step));
        }

        public long step() {
            return step;
        }

        /** A runner with the inputs fed; the caller adds fetches/targets and closes the Result. */
        public Session.Runner runner() {
            return session.runner().feed(x, tensors.images).feed(y, tensors.labels).feed(idx, tensors.indices)
                    .feed(noiseSeed, tensors.seed);
        }

        @Override
        public void close() {
            if (owned) {
                tensors.close();
            }
        }
    }

    /**
     * Runs {@code targets} on one batch outside the training loop (initialisation passes such as
     * ExtraProp's state init); does not advance the step counter.
     */
    protected final void runOnce(Batch b, List<? extends org.tensorflow.op.Op> targets) {
        try (Feed f = new Feed(b, 0)) {
            var r = f.runner();
            targets.forEach(r::addTarget);
            r.run().close();
        }
    }

    /**
     * The current values of a float tensor, flattened (diagnostics and tests); {@code b} feeds the
     * placeholders when the tensor depends on them, else may be null. Does not advance the step.
     */
    protected final float[] fetchFloats(Operand<TFloat32> t, Batch b) {
        return fetchFloats(t, b, 0);
    }

    /** As {@link #fetchFloats(Operand, Batch)} with the noise seed of training step {@code step} fed. */
    protected final float[] fetchFloats(Operand<TFloat32> t, Batch b, long step) {
        Feed f = b == null ? null : new Feed(b, step);
        try (Result r = (f == null ? session.runner() : f.runner()).fetch(t).run()) {
            TFloat32 v = (TFloat32) r.get(0);
            float[] out = new float[(int) v.shape().size()];
            v.copyTo(DataBuffers.of(out, false, false));
            return out;
        } finally {
            if (f != null) {
                f.close();
            }
        }
    }

    /** Overwrites a variable's values (tests: set multipliers/states to chosen points). */
    protected final void assignFloats(org.tensorflow.op.core.Variable<TFloat32> v, float[] values) {
        var p = tf.placeholder(TFloat32.class, Placeholder.shape(v.shape()));
        var assign = tf.assign(v, p);
        try (TFloat32 t = TFloat32.tensorOf(v.shape(), DataBuffers.of(values, true, false))) {
            session.runner().feed(p, t).addTarget(assign).run().close();
        }
    }

    /** Reads a float scalar from a result. */
    protected static double scalar(Result r, int i) {
        return ((TFloat32) r.get(i)).getFloat();
    }

    /** Checkpoint files: the TF V2 checkpoint of all variables, and the Java-side state. */
    static final String VARIABLES_PREFIX = "variables";
    static final String JAVA_STATE = "method-state.properties";

    /**
     * Every variable of this graph is a ref variable (VariableV2, see {@link RowTable}), which
     * {@link Session#save} covers; a resource variable (VarHandleOp) would need its own saver
     * (tensorflow-java-notes §6), so one is refused here rather than silently left out. The only Java-side
     * state a step depends on is the step counter (noise seed = mix(run seed, step)); batches are a pure
     * function of (seed, step) and are the caller's.
     */
    @Override
    public void saveCheckpoint(java.nio.file.Path dir) {
        refuseResourceVariables();
        session.save(dir.resolve(VARIABLES_PREFIX).toString());
        var p = new java.util.Properties();
        p.setProperty("step_counter", Long.toString(stepCounter));
        p.setProperty("method", getClass().getName());
        try (var w = java.nio.file.Files.newBufferedWriter(dir.resolve(JAVA_STATE))) {
            p.store(w, "Java-side state of " + getClass().getSimpleName());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void restoreCheckpoint(java.nio.file.Path dir) {
        refuseResourceVariables();
        var p = new java.util.Properties();
        try (var r = java.nio.file.Files.newBufferedReader(dir.resolve(JAVA_STATE))) {
            p.load(r);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!getClass().getName().equals(p.getProperty("method"))) {
            throw new IllegalStateException("checkpoint " + dir + " was written by " + p.getProperty("method")
                    + ", not " + getClass().getName());
        }
        session.restore(dir.resolve(VARIABLES_PREFIX).toString()); // initializers already ran in initialize()
        stepCounter = Long.parseLong(p.getProperty("step_counter"));
    }

    /** The number of steps run so far (the next step's noise-seed index). */
    public final long stepCounter() {
        return stepCounter;
    }

    private void refuseResourceVariables() {
        var ops = graph.operations();
        while (ops.hasNext()) {
            var op = ops.next();
            if (op.type().equals("VarHandleOp")) {
                throw new IllegalStateException("resource variable " + op.name() + " is not covered by Session.save; "
                        + "add it to GraphMethod's checkpoint (tensorflow-java-notes §6)");
            }
        }
    }

    @Override
    public Evaluation evaluate(Iterable<Batch> test) {
        if (evalLossSum == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " did not call evaluateWith(network)");
        }
        double loss = 0;
        double top1 = 0;
        double top5 = 0;
        long n = 0;
        for (Batch b : test) {
            try (Feed f = new Feed(b, 0, reused(b)); Result r = f.runner().fetch(evalLossSum).fetch(evalTop1).fetch(evalTop5).run()) {
                loss += scalar(r, 0);
                top1 += scalar(r, 1);
                top5 += scalar(r, 2);
                n += b.size();
            }
        }
        return new Evaluation(loss / n, top1 / n, top5 / n, n);
    }

    @Override
    public void close() {
        benchmarkFeeds.forEach(Feed::close);
        reusable.values().forEach(InputTensors::close);
        reusable.clear();
        if (session != null) {
            session.close();
        }
        graph.close();
    }
}
