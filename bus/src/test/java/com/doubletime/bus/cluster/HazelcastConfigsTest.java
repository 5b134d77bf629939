package com.doubletime.bus.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.hazelcast.config.Config;
import java.net.InetAddress;
import java.util.List;
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
    void loopbackMembersGetTheirAddressSetSoHazelcastNeedNotResolveTheSeedsNames() {
        Config withInterfaces = HazelcastConfigs.of(new ClusterSettings(
                true, "test", List.of("localhost"), List.of("127.0.0.1"), 5701, "127.0.0.1", 0, null));
        Config chooseItself = HazelcastConfigs.of(
                new ClusterSettings(true, "test", List.of("localhost"), List.of(), 5701, "127.0.0.1", 0, null));

        assertEquals("127.0.0.1", withInterfaces.getProperty(HazelcastConfigs.LOCAL_ADDRESS));
        assertNull(chooseItself.getProperty(HazelcastConfigs.LOCAL_ADDRESS));
    }
}
