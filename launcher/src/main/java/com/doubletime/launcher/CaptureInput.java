package com.doubletime.launcher;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * What every command that plays a capture reads it with ({@code replay}, {@code backtest}): the pairs, the capture and
 * how its Kalshi subscription was made. One declaration, so both commands name and describe them alike.
 */
final class CaptureInput {
    @Option(names = "--pairs", required = true, paramLabel = "FILE", description = "pairs file, JSON or YAML")
    Path pairs;

    @Option(
            names = "--capture",
            required = true,
            paramLabel = "FILE|DIR",
            description = "a capture file, or the directory run --record wrote (its venue files merged by recv_ns)")
    Path capture;

    @Option(
            names = "--kalshi-use-yes-price",
            description = "the capture's Kalshi subscription asked for use_yes_price: NO levels in YES terms")
    boolean kalshiUseYesPrice;
}
