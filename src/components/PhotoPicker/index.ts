export * from './PhotoPicker'
