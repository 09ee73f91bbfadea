export * from './Fact'
