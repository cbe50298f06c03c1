package org.nicrig.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** nicrig reg against an emulated FPGA (fpga-crypto-model's Registers: 0x00 id, 0x10 status RO, 0x20 scratch RW). */
class RegCommandTest {
    private static Cli.Result reg(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, 2);
        all[2] = "--rig";
        all[3] = DeviceTargetTest.RIG;
        all[4] = "--device";
        all[5] = "fpga1";
        System.arraycopy(args, 2, all, 6, args.length - 2);
        return Cli.run(all);
    }

    @Test
    void readsInHexOrDecimal() {
        Cli.Result hex = reg("reg", "read", "0x08");
        assertThat(hex.status()).as(hex.toString()).isZero();
        assertThat(hex.out()).isEqualTo("fpga1: register 0x00000008 = 0x00000001 (1)\n"); // revision 0x01
        Cli.Result dec = reg("reg", "read", "16");
        // status: link up (bit 0), engine ok (bit 1), MAC not overridden
        assertThat(dec.out()).isEqualTo("fpga1: register 0x00000010 = 0x00000003 (3)\n");
    }

    @Test
    void writesAndReadsBack() {
        Cli.Result r = reg("reg", "write", "0x20", "0xcafef00d");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("fpga1: register 0x00000020 := 0xcafef00d, reads back 0xcafef00d\n");
    }

    @Test
    void noRegisterAtTheAddressIsOneLineNamingItAndExitOne() {
        Cli.Result r = reg("reg", "read", "0x30");
        assertThat(r.status()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("nicrig: fpga1: cannot read register 0x00000030: no register at 0x30 (REGISTER_ADDRESS)\n");
    }

    @Test
    void aReadOnlyRegisterRefusesAWrite() {
        Cli.Result r = reg("reg", "write", "0x10", "0");
        assertThat(r.status()).as(r.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).isEqualTo("nicrig: fpga1: cannot write register 0x00000010: register 0x10 is read-only (REGISTER_ADDRESS)\n");
    }

    @Test
    void addressesAndValuesOutsideThirtyTwoBitsAreUsageErrors() {
        Cli.Result big = reg("reg", "read", "0x100000000");
        assertThat(big.status()).isEqualTo(ExitCode.USAGE);
        assertThat(big.err()).isEqualTo("nicrig reg read: register address: expected 0..0xffffffff (decimal or 0x hex), "
                + "found '0x100000000' (see nicrig reg read --help)\n");
        Cli.Result word = reg("reg", "write", "0x20", "lots");
        assertThat(word.status()).isEqualTo(ExitCode.USAGE);
        assertThat(word.err()).contains("register value: expected 0..0xffffffff").contains("'lots'");
        Cli.Result negative = reg("reg", "read", "-1");
        assertThat(negative.status()).isEqualTo(ExitCode.USAGE);
    }
}
