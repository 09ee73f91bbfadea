export * from './ProxyPicker'
