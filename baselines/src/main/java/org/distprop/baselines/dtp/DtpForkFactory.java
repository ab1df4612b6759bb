package org.distprop.baselines.dtp;

import java.util.Map;
import org.distprop.methods.VariantFactory;

/**
 * DTP with the defaults of the DistProp authors' fork of Meulemans et al.'s code
 * ({@code manuel-delverme/difference_target_propagation@3e1630f:config.py}, baselines-spec §1.6, §7.1):
 * LeeDTP on 2 x 256 tanh, Adam lr 0.01 with beta (0.99, 0.99) and eps 1e-4 for the forward weights, Adam lr
 * 1.011e-4 with the same betas and eps for the inverses, sigma 0.08, target step 0.01; batch 100 and 100
 * epochs are run settings (fig3.yaml). The same method as {@code dtp}: real DTP, parallel schedule, Lee's
 * unit-gain orthogonal init (the fork's init gain is not transcribed in the spec). The fork's entry point
 * probably trained only the read-out (§0.3); {@code --hp readout_only=true} gives that diagnostic.
 */
public final class DtpForkFactory extends VariantFactory {
    public DtpForkFactory() {
        super(new DtpFactory(), "dtp-fork", "DTP with the DistProp authors' fork configuration (2x256 tanh, Adam 0.01, betas 0.99, eps 1e-4,"
                + " sigma 0.08, alpha 0.01)", Map.ofEntries(Map.entry("arch", "tanh-2x256"), Map.entry("optimizer", "adam"),
                Map.entry("lr", "0.01"), Map.entry("lr_inverse", "1.011e-4"), Map.entry("beta1", "0.99"), Map.entry("beta2", "0.99"),
                Map.entry("eps", "1e-4"), Map.entry("beta1_inverse", "0.99"), Map.entry("beta2_inverse", "0.99"),
                Map.entry("eps_inverse", "1e-4"), Map.entry("target_step", "0.01"), Map.entry("noise", "0.08"),
                Map.entry("schedule", "parallel"), Map.entry("init", "orthogonal")));
    }
}
