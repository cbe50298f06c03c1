package org.nicrig.host.run;

import java.util.List;
import java.util.SplittableRandom;
import org.nicrig.host.plan.Sizes;
import org.nicrig.host.traffic.UdpPacket;

/**
 * The packets of one step: sizes from the plan (a fixed list in turn, or simple IMIX 7:4:1 of
 * 64/576/1500 bytes), payloads stamped with flow and packet number, all from the run's seed.
 */
final class PacketSource {
    static final int TEAM_IP = UdpPacket.address("192.0.2.1");

    private final Sizes sizes;
    private final SplittableRandom random;
    private final long stepId;
    private final int peerIp;
    private long count;

    PacketSource(Sizes sizes, long seed, long stepId, int peerIp) {
        this.sizes = sizes;
        this.random = new SplittableRandom(seed ^ (stepId * 0x9E3779B97F4A7C15L));
        this.stepId = stepId;
        this.peerIp = peerIp;
    }

    long flowId(int flow) {
        return (stepId << 20) | flow;
    }

    private int nextSize() {
        if (sizes instanceof Sizes.Fixed f) {
            List<Integer> b = f.bytes();
            return b.get((int) (count % b.size()));
        }
        int total = Sizes.Imix.WEIGHTS.stream().mapToInt(Integer::intValue).sum();
        int pick = random.nextInt(total);
        for (int i = 0; i < Sizes.Imix.SIZES.size(); i++) {
            pick -= Sizes.Imix.WEIGHTS.get(i);
            if (pick < 0) {
                return Sizes.Imix.SIZES.get(i);
            }
        }
        return Sizes.Imix.SIZES.get(0);
    }

    /** Team to peer. */
    synchronized byte[] outbound(int flow) {
        int size = Math.max(44, nextSize());
        return UdpPacket.build(TEAM_IP, peerIp, 10_000 + flow, 7, size, flowId(flow), ++count, random);
    }

    /** Peer to team. */
    synchronized byte[] inbound(int flow) {
        int size = Math.max(44, nextSize());
        return UdpPacket.build(peerIp, TEAM_IP, 7, 10_000 + flow, size, flowId(flow), ++count, random);
    }
}
