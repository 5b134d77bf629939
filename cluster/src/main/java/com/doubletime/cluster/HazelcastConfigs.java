package com.doubletime.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.internal.util.AddressUtil;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Hazelcast member configuration of every deployable, built in code from {@link ClusterSettings}
 * (stack-notes §2.1, verified on loopback): TCP-IP join only, nothing bound beyond the given interfaces.
 */
public final class HazelcastConfigs {
    private static final System.Logger LOG = System.getLogger(HazelcastConfigs.class.getName());
    static final String LOCAL_ADDRESS = "hazelcast.local.localAddress";
    static final String HEARTBEAT_INTERVAL = "hazelcast.heartbeat.interval.seconds";
    static final String MAX_NO_HEARTBEAT = "hazelcast.max.no.heartbeat.seconds";

    private HazelcastConfigs() {}

    public static Config of(ClusterSettings settings) {
        // starts from vertx-hazelcast's default-cluster.xml: it declares the __vertx.* maps Vert.x needs
        Config config = ConfigUtil.loadConfig();
        config.setClusterName(settings.name());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        // Vert.x leaves the cluster itself on close; Hazelcast's own hook would race it
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        // default 5 s: every member but the first would sleep that long before joining. Not 0: the master would then
        // admit members started together one by one, and they would get partition operations from a master not
        // yet in their member list (CallerNotMemberException warnings); in one second it admits them together
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        // default true: Hazelcast would listen on *:5701 whatever the interfaces say
        config.setProperty("hazelcast.socket.bind.any", "false");
        // default 60 s: a member frozen without closing its sockets (SIGSTOP, a long GC pause, a host cut off) keeps
        // the
        // partitions it owns, so every lease read on them (the executor's, the feeds') waits that long; heartbeats
        // each second and a member silent for 10 s declared dead bound it. -D on the command line wins.
        defaultProperty(config, HEARTBEAT_INTERVAL, "1");
        defaultProperty(config, MAX_NO_HEARTBEAT, "10");
        // Hazelcast's own metrics feed its Management Center, which nobody runs here (the services' meters go through
        // Micrometer); collecting them while partitions migrate warns "replica has no owner" as members join
        config.getMetricsConfig().setEnabled(false);
        config.setLiteMember(settings.liteMember());
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(true).setPortCount(10);
        if (!settings.interfaces().isEmpty()) {
            network.getInterfaces().setEnabled(true);
            settings.interfaces().forEach(network.getInterfaces()::addInterface);
            // Without it Hazelcast resolves every join seed's host name only to find out whether one of them is
            // this node, and warns on every start that DNS can be spoofed; the address is the interfaces' anyway
            localAddress(settings.interfaces(), hostAddresses())
                    .ifPresent(address -> config.setProperty(LOCAL_ADDRESS, address));
        }
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2);
        joinSeeds(settings.members(), InetAddress::getAllByName).forEach(join.getTcpIpConfig()::addMember);
        return config;
    }

    private static void defaultProperty(Config config, String key, String value) {
        if (System.getProperty(key) == null) {
            config.setProperty(key, value);
        }
    }

    /** A host name's addresses (the JVM's resolver; a fixed table in tests). */
    @FunctionalInterface
    interface NameResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * The join seeds as addresses: each host name becomes every address it resolves to now. Hazelcast would
     * resolve a name to one address only (a name shared by several containers, a compose network alias, would
     * then lead each node to one arbitrary member, possibly itself), and warn that DNS can be spoofed. A name
     * that resolves to nothing yet (its container has not started) is left out, said once at INFO; only when
     * no name resolves are they all handed to Hazelcast as written, which then says which it cannot resolve.
     */
    static List<String> joinSeeds(List<String> members, NameResolver resolver) {
        Set<String> seeds = new LinkedHashSet<>();
        List<String> unresolved = new ArrayList<>();
        for (String member : members) {
            int colon = member.lastIndexOf(':');
            boolean hasPort = colon > 0 && member.indexOf(':') == colon;
            String host = hasPort ? member.substring(0, colon) : member;
            String port = hasPort ? member.substring(colon) : "";
            if (host.startsWith("[") || host.indexOf(':') >= 0 || AddressUtil.isIpAddress(host)) {
                seeds.add(member);
                continue;
            }
            try {
                for (InetAddress address : resolver.resolve(host)) {
                    String ip = address.getHostAddress();
                    seeds.add((address instanceof Inet4Address ? ip : "[" + ip + "]") + port);
                }
            } catch (UnknownHostException e) {
                unresolved.add(member);
            }
        }
        if (seeds.isEmpty()) {
            return List.copyOf(members);
        }
        if (!unresolved.isEmpty()) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "cluster members " + unresolved + " resolve to no address yet (not started?); joining through "
                            + seeds);
        }
        return List.copyOf(seeds);
    }

    /**
     * The address this node binds and advertises: the first IPv4 address of this host that one of the interface
     * patterns matches (Hazelcast's own syntax: {@code 10.0.*.*}, {@code 172.16-31.*.*}), as Hazelcast would pick
     * it. Empty when none matches; Hazelcast then refuses to start and says why.
     */
    static Optional<String> localAddress(List<String> interfaces, List<InetAddress> candidates) {
        for (InetAddress candidate : candidates) {
            if (!(candidate instanceof Inet4Address)) {
                continue;
            }
            String address = candidate.getHostAddress();
            for (String pattern : interfaces) {
                if (AddressUtil.isIpAddress(pattern) && AddressUtil.matchInterface(address, pattern)) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }

    private static List<InetAddress> hostAddresses() {
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp()) {
                    addresses.addAll(Collections.list(nic.getInetAddresses()));
                }
            }
        } catch (SocketException e) {
            // no list of interfaces: Hazelcast picks the address itself, as it would without this class
        }
        return addresses;
    }
}
