package com.fieldservice.portal.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo data's only source of chance: a seeded {@link SplittableRandom}, so that the same
 * seed gives the same data on every run, with the few draws the generators need.
 */
final class Dice {

    private final SplittableRandom random;

    Dice(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Uniform in [0, bound). */
    int below(int bound) {
        return random.nextInt(bound);
    }

    /** Uniform in [min, max], both included. */
    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** Uniform in [0, 1). */
    double fraction() {
        return random.nextDouble();
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    int pick(int[] items) {
        return items[random.nextInt(items.length)];
    }

    /** An index drawn with the given (not necessarily normalised) weights. */
    int weighted(double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double draw = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A string of the given number of decimal digits, leading zeros included. */
    String digits(int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        return text.toString();
    }

    /** A string of the given number of capital letters. */
    String letters(int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append((char) ('A' + random.nextInt(26)));
        }
        return text.toString();
    }
}
