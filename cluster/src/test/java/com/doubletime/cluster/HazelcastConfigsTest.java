package com.doubletime.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.hazelcast.config.Config;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HazelcastConfigsTest {
    @Test
    void theLocalAddressIsTheFirstIpv4AddressTheInterfacesMatch() throws Exception {
        List<InetAddress> host = List.of(
                InetAddress.getByName("::1"),
                InetAddress.getByName("127.0.0.1"),
                InetAddress.getByName("fd00::5"),
                InetAddress.getByName("172.19.0.7"));

        assertEquals(
                Optional.of("172.19.0.7"),
                HazelcastConfigs.localAddress(List.of("10.*.*.*", "172.16-31.*.*", "192.168.*.*"), host));
        assertEquals(Optional.of("127.0.0.1"), HazelcastConfigs.localAddress(List.of("127.0.0.1"), host));
        assertEquals(Optional.empty(), HazelcastConfigs.localAddress(List.of("10.*.*.*"), host));
    }

    @Test
    void aFrozenMemberIsDeclaredDeadAfterTenSecondsOfMissedHeartbeatsNotSixty() {
        Config config = HazelcastConfigs.of(new ClusterSettings(
                true, "test", List.of("127.0.0.1"), List.of("127.0.0.1"), 5701, "127.0.0.1", 0, null, false));

        assertEquals("1", config.getProperty(HazelcastConfigs.HEARTBEAT_INTERVAL));
        assertEquals("10", config.getProperty(HazelcastConfigs.MAX_NO_HEARTBEAT));
    }

    @Test
    void loopbackMembersGetTheirAddressSetSoHazelcastNeedNotResolveTheSeedsNames() {
        Config withInterfaces = HazelcastConfigs.of(new ClusterSettings(
                true, "test", List.of("localhost"), List.of("127.0.0.1"), 5701, "127.0.0.1", 0, null, false));
        Config chooseItself = HazelcastConfigs.of(
                new ClusterSettings(true, "test", List.of("localhost"), List.of(), 5701, "127.0.0.1", 0, null, false));

        assertEquals("127.0.0.1", withInterfaces.getProperty(HazelcastConfigs.LOCAL_ADDRESS));
        assertNull(chooseItself.getProperty(HazelcastConfigs.LOCAL_ADDRESS));
    }

    @Test
    void joinSeedsAreEveryAddressANameResolvesToAndNamesNotResolvableYetAreLeftOut() {
        Map<String, InetAddress[]> dns = Map.of(
                "cluster-member", new InetAddress[] {ip("172.19.0.3"), ip("172.19.0.5"), ip("fd00::7")},
                "arbitrage-monitor", new InetAddress[] {ip("172.19.0.3")});
        HazelcastConfigs.NameResolver resolver = host -> {
            InetAddress[] found = dns.get(host);
            if (found == null) {
                throw new UnknownHostException(host);
            }
            return found;
        };

        assertEquals(
                List.of("172.19.0.3", "172.19.0.5", "[fd00:0:0:0:0:0:0:7]"),
                HazelcastConfigs.joinSeeds(List.of("cluster-member"), resolver));
        assertEquals(
                List.of("172.19.0.3:5702", "10.0.0.9", "127.0.0.1:5801"),
                HazelcastConfigs.joinSeeds(
                        List.of("arbitrage-monitor:5702", "api-gateway", "10.0.0.9", "127.0.0.1:5801"), resolver));
        assertEquals(
                List.of("api-gateway", "trade-executor"),
                HazelcastConfigs.joinSeeds(List.of("api-gateway", "trade-executor"), resolver),
                "nothing resolves: Hazelcast gets the names and says which it cannot resolve");
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
