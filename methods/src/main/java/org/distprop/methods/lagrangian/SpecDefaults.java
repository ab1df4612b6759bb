package org.distprop.methods.lagrangian;

import java.util.ArrayList;
import java.util.List;
import org.distprop.methods.HyperParam;
import org.distprop.methods.core.Architectures;

/**
 * Per-dataset default hyperparameters of the Lagrangian family, transcribed from method-spec §5
 * (the authors' 28-May-2021 config; ImageNet: the Aug-Sep 2021 DistProp config). Datasets the spec
 * has no values for fall back to the MNIST values.
 */
final class SpecDefaults {
    private SpecDefaults() {
    }

    /** margin, lr_theta, lr_x, lr_y for a method on a dataset. */
    static String[] values(String method, String dataset) {
        boolean cifar = dataset.equals("cifar10");
        return switch (method) {
            // Regularized ran one Adagrad over all params at warmup_lr (spec §2.2): lr_theta = lr_x
            case "regularized" -> cifar ? new String[] {"0.10063086881740957", "0.009185", "0.009185", null}
                    : new String[] {"0.1017", "0.009185", "0.009185", null};
            case "gda" -> cifar
                    ? new String[] {"0.13308695791662822", "0.00029136889726434325", "0.25009935678225476", "0.00015235056347032218"}
                    : new String[] {"0.9658136136534436", "0.003314", "0.04527", "0.0001389"};
            case "extraprop" -> cifar
                    ? new String[] {"0.06640108363973078", "0.003175211334723672", "0.03977922031861909", "2.311834855494428e-06"}
                    : new String[] {"0.4373272842992752", "0.0008636215301536897", "0.12499896839056827", "7.270811457366213e-06"};
            case "distprop" -> switch (dataset) {
                case "cifar10" -> new String[] {"0.2470519487851573", "0.004169182899797638", "0.25530572068931", "9.356607499463217e-07"};
                // ImageNet: one primal group at lr_theta (spec §3), hence lr_x = lr_theta
                case "imagenet" -> new String[] {"0.2470519487851573", "0.0001", "0.0001", "9.356607499463217e-07"};
                // the Fig. 2/3 seed-sweep values (spec §5, flagged "not the best" by the authors)
                default -> new String[] {"0.3967", "0.0003638", "0.05649", "3.725e-07"};
            };
            default -> throw new IllegalArgumentException(method);
        };
    }

    /** The hyperparameters every method of the family shares. */
    static List<HyperParam> common(String method, String dataset, String shrink) {
        String[] v = values(method, dataset);
        List<HyperParam> l = new ArrayList<>();
        l.add(HyperParam.positive("lr_theta", v[1], "Adagrad learning rate of the network weights"));
        l.add(HyperParam.positive("lr_x", v[2], method.equals("distprop") ? "Adagrad learning rate of the prototype maps W_mu, W_sigma"
                : "Adagrad learning rate of the per-example states"));
        if (v[3] != null) {
            l.add(HyperParam.positive("lr_y", v[3], "SGD (ascent) learning rate of the multipliers"));
        }
        l.add(HyperParam.nonNegative("margin", v[0], "constraint margin epsilon of the shrinkage"));
        l.add(HyperParam.choice("shrink", shrink, "shrinkage of the defect",
                HyperParam.option("soft", "paper eq. 3, MNIST/CIFAR runs"), HyperParam.option("hard", "ImageNet runs")));
        l.add(HyperParam.choice("arch", Architectures.defaultFor(dataset), "network", Architectures.NAMES));
        return l;
    }

    static HyperParam stepRule() {
        return HyperParam.choice("step_rule", "extragradient", "update rule of one iteration", StepRule.options());
    }
}
