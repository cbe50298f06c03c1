package org.nicrig.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * Entry point of {@code scripts/bench NAME}: runs {@code org.nicrig.bench.<Name>Bench.run(String[])}.
 * Each bench prints its figures and, as its last line, {@code NAME ratio=X.XX ...}: the thing
 * measured against its reference, side by side in the same run.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: BenchMain NAME [args...]");
            System.exit(2);
        }
        String name = args[0];
        String cls = BenchMain.class.getPackageName() + "."
                + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1) + "Bench";
        Method run;
        try {
            run = Class.forName(cls).getMethod("run", String[].class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            System.err.println("bench: no benchmark named '" + name + "' (" + cls + ".run(String[]) not found)");
            System.exit(2);
            return;
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        try {
            run.invoke(null, (Object) rest);
        } catch (InvocationTargetException e) {
            throw (e.getCause() instanceof Exception ex) ? ex : e;
        }
    }
}
