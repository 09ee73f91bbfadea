export * from './ReportAction'
