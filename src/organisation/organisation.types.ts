/** The kinds of service point where citizens reach the service center. */
export const SERVICE_POINT_KINDS = ['desk', 'phone', 'email', 'web', 'branch'] as const;
export type ServicePointKind = (typeof SERVICE_POINT_KINDS)[number];
