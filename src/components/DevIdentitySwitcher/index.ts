export * from './DevIdentitySwitcher'
