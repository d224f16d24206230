export * from './dimensions';
export * from './types';
export { computeProfile, profileFromValues, isLikertValue, LIKERT_MIN, LIKERT_MAX } from './profile';
export type { PartialProfileInput } from './profile';
export { assessProfile, spread, FLAT_INTEREST_SPREAD, FLAT_SKILL_SPREAD } from './quality';
export { rankCareers, prepareCareers, ENGINE_VERSION, BLEND, BAND_THRESHOLDS } from './match';
export type { PreparedCareer } from './match';
