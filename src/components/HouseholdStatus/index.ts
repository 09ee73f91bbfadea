export * from './HouseholdStatus'
