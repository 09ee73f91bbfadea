export * from './NoticeRow'
