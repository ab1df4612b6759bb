package org.distprop.baselines.core;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A quantity a baseline differentiates (a local loss, or an output that receives an injected
 * signal) and the only variables it may depend on differentiably, i.e. through paths without a
 * stop-gradient. The locality tests walk the graph to check this.
 */
public record LocalObjective(String name, Operand<?> value, List<Variable<TFloat32>> allowed) {
}
