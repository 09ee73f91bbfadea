export * from './Tappable'
