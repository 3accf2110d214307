/** What each scale simulates: which co-ops, how many branches and products, how many days. */

export type Scale = 'small' | 'demo' | 'national';

export interface ScaleSpec {
  /** null = every co-op; otherwise how many co-ops to sample across vendors and governorates. */
  coops: number | null;
  /** Most branch markets simulated per co-op (the main market and warehouse always are). */
  maxBranches: number;
  /** Products simulated (the most popular, with every essential category represented). */
  products: number;
  /** Products taken from each essential category before filling up by popularity. */
  essentialsPerCategory: number;
  days: number;
  /** Write the full stock ledger to truth/ (every site, product and day); big at scale. */
  fullLedger: boolean;
  /** Shareholders on each co-op's register and families on its social-aid books (real co-ops have thousands). */
  shareholdersPerCoop: number;
  aidCasesPerCoop: number;
}

export const SCALES: Record<Scale, ScaleSpec> = {
  small: {
    coops: 5,
    maxBranches: 1,
    products: 100,
    essentialsPerCategory: 4,
    days: 120,
    fullLedger: true,
    shareholdersPerCoop: 60,
    aidCasesPerCoop: 12,
  },
  demo: {
    coops: null,
    maxBranches: 1,
    products: 100,
    essentialsPerCategory: 3,
    days: 400,
    fullLedger: false,
    shareholdersPerCoop: 150,
    aidCasesPerCoop: 25,
  },
  national: {
    coops: null,
    maxBranches: 99,
    products: Number.POSITIVE_INFINITY,
    essentialsPerCategory: 0,
    days: 400,
    fullLedger: false,
    shareholdersPerCoop: 1500,
    aidCasesPerCoop: 60,
  },
};

export function isScale(value: string): value is Scale {
  return value === 'small' || value === 'demo' || value === 'national';
}
