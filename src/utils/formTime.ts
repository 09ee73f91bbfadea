// Times typed into forms: 'YYYY-MM-DD HH:mm' in China time, and the ISO instants the contracts take.
export { formDay, formTimeToIso, isFormTime, isoToFormTime } from '@core/time'
