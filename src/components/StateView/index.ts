export * from './StateView'
