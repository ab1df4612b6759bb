package org.distprop.methods.lagrangian;

import java.util.Map;
import org.distprop.methods.VariantFactory;

/**
 * ExtraProp as the authors ran it for the paper's MNIST/CIFAR numbers and curves (method-spec §2.6.3):
 * two plain descent-ascent steps per batch instead of extragradient. The §5 rates were swept with it.
 */
public final class ExtraPropAsRunFactory extends VariantFactory {
    public ExtraPropAsRunFactory() {
        super(new ExtraPropFactory(), "extraprop-asrun", "ExtraProp as run: the authors' code behind the paper's numbers",
                Map.of("step_rule", "legacy_double_step"));
    }

    @Override
    public Presentation presentation() {
        return new Presentation("ExtraProp (as run)", "#ff7f0e", 50);
    }
}
