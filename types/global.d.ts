/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.less'
declare module '*.scss'
declare module '*.sass'
declare module '*.styl'

/** Compile-time constant (config/index.ts defineConstants): true when built with LINLI_LOCAL=1. */
declare const LINLI_LOCAL: boolean
/** Compile-time constant: base URL of the local function host for H5 ('' = same origin). */
declare const LINLI_API_BASE: string
/** Compile-time constant: the CloudBase environment id for the mini-program ('' = the default one). */
declare const LINLI_CLOUD_ENV: string
/** Compile-time constant: the subscription-message template id for request status updates ('' = do not ask). */
declare const LINLI_TEMPLATE_REQUEST_STATUS: string
/** Compile-time constant: the subscription-message template id for event reminders ('' = do not ask). */
declare const LINLI_TEMPLATE_EVENT: string
/** Compile-time constant: the subscription-message template id for 重要通知 ('' = do not ask). */
declare const LINLI_TEMPLATE_NOTICE: string
/** 表决提醒 subscription template id (empty locally). */
declare const LINLI_TEMPLATE_VOTE: string
