package org.distprop.methods;

/**
 * Everything a method factory gets: the data description, resolved hyperparameters, the run seed
 * (every random thing derives from it) and the TensorFlow thread count (intra = inter = threads;
 * 0 = TensorFlow's default, one per core).
 */
public record MethodContext(DatasetInfo data, Hyperparams hp, long seed, int threads) {
}
