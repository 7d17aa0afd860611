/**
 * Setup for vitest.mutation.config.mts: a fixed fast-check seed (FC_SEED, default 42), so that
 * the properties take the same paths in Stryker's coverage run and in every mutant run; otherwise a
 * mutant covered by chance in one run and missed in the next would be scored at random.
 */
import fc from 'fast-check';

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(process.env.FC_SEED ?? 42) });
