package com.doubletime.simulator;

/** The installed {@link SimulatorProbe}, shared by the scenario player and both venues' order endpoints. */
final class ProbeSlot {
    private volatile SimulatorProbe probe = SimulatorProbe.NONE;

    SimulatorProbe get() {
        return probe;
    }

    void set(SimulatorProbe probe) {
        this.probe = probe == null ? SimulatorProbe.NONE : probe;
    }
}
