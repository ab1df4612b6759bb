package org.distprop.methods.lagrangian;

import java.util.LinkedHashMap;
import java.util.Map;
import org.distprop.methods.VariantFactory;

/**
 * DistProp as the authors ran it for the paper's MNIST/CIFAR numbers and curves: the legacy double
 * descent-ascent step (method-spec §2.6.3) and the prototype-axis loss (§2.5.3); noise is already fresh
 * per evaluation by default. ImageNet's as-run code is family B (true extragradient, §3), so this variant
 * only makes sense on MNIST/CIFAR; its defaults there are the base method's.
 */
public final class DistPropAsRunFactory extends VariantFactory {
    public DistPropAsRunFactory() {
        super(new DistPropFactory(), "distprop-asrun", "DistProp as run: the authors' code behind the paper's MNIST/CIFAR numbers",
                asRun());
    }

    private static Map<String, String> asRun() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("step_rule", "legacy_double_step");
        m.put("loss_form", "prototype_axis");
        return m;
    }

    @Override
    public Presentation presentation() {
        return new Presentation("DistProp (as run)", "#1f77b4", 70);
    }
}
