/** Attendance as recorded after a meeting (isomorphic: forms and pages share it). */
export const ATTENDANCE_VALUES = ['present', 'apologies', 'absent'] as const
export type AttendanceValue = (typeof ATTENDANCE_VALUES)[number]
