export * from './PrivacyPrompt'
