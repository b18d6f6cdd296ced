export * from './common.ts';
export * from './city.ts';
export * from './restaurant.ts';
export * from './reservation.ts';
export * from './guest.ts';
export * from './events.ts';
export * from './settings.ts';
