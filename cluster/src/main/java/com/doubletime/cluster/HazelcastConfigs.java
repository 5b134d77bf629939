package com.doubletime.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;

/**
 * The Hazelcast member configuration of every deployable, built in code from {@link ClusterSettings}
 * (stack-notes §2.1, verified on loopback): TCP-IP join only, nothing bound beyond the given interfaces.
 */
public final class HazelcastConfigs {
    private HazelcastConfigs() {}

    public static Config of(ClusterSettings settings) {
        // starts from vertx-hazelcast's default-cluster.xml: it declares the __vertx.* maps Vert.x needs
        Config config = ConfigUtil.loadConfig();
        config.setClusterName(settings.name());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        // Vert.x leaves the cluster itself on close; Hazelcast's own hook would race it
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        // default 5 s: every member but the first would sleep that long before joining
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        // default true: Hazelcast would listen on *:5701 whatever the interfaces say
        config.setProperty("hazelcast.socket.bind.any", "false");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(true).setPortCount(10);
        if (!settings.interfaces().isEmpty()) {
            network.getInterfaces().setEnabled(true);
            settings.interfaces().forEach(network.getInterfaces()::addInterface);
        }
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2);
        settings.members().forEach(join.getTcpIpConfig()::addMember);
        return config;
    }
}
