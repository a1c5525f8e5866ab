/** What a department's system gets when a case is routed to it. Field names are a contract: add, never rename. */
export interface RoutedCasePayload {
  event: 'case.routed';
  /** Also in X-Onewayin-Delivery; the same on a resend, so a receiver can recognise a repeat. */
  deliveryId: string;
  routedAt: string;
  department: { code: string; name: string };
  case: {
    id: string;
    reference: string;
    status: string;
    catalogCode: string | null;
    catalogName: string | null;
    priority: string;
    description: string;
    location: { address: string | null; postalCode: string | null; lat: number | null; lng: number | null } | null;
    receivedAt: string;
    firstResponseDueAt: string | null;
    resolutionDueAt: string | null;
    /**
     * Confidential content goes out in full: the receiving system is the owning department's
     * own, and a delivery is cancelled if the case left that department before it was sent.
     * The flag tells the receiver to keep it inside the department too.
     */
    confidential: boolean;
  };
}

/** The facts the payload is made of, as the case, its catalog type and its department hold them. */
export interface RoutedCaseFacts {
  deliveryId: string;
  routedAt: Date;
  department: { code: string; name: string };
  catalogName: string | null;
  routedCase: {
    id: string;
    reference: string;
    status: string;
    catalogCode: string | null;
    priority: string;
    description: string;
    address: string | null;
    postalCode: string | null;
    lat: number | null;
    lng: number | null;
    receivedAt: Date;
    firstResponseDueAt: Date | null;
    resolutionDueAt: Date | null;
    confidential: boolean;
  };
}

/**
 * The citizen is not in it: field staff need the place and the fault, not who reported it,
 * and the department's handlers see the citizen in the case system when they need to.
 */
export function routedCasePayload(facts: RoutedCaseFacts): RoutedCasePayload {
  const c = facts.routedCase;
  const hasLocation = c.address !== null || c.postalCode !== null || c.lat !== null || c.lng !== null;
  return {
    event: 'case.routed',
    deliveryId: facts.deliveryId,
    routedAt: facts.routedAt.toISOString(),
    department: { code: facts.department.code, name: facts.department.name },
    case: {
      id: c.id,
      reference: c.reference,
      status: c.status,
      catalogCode: c.catalogCode,
      catalogName: facts.catalogName,
      priority: c.priority,
      description: c.description,
      location: hasLocation ? { address: c.address, postalCode: c.postalCode, lat: c.lat, lng: c.lng } : null,
      receivedAt: c.receivedAt.toISOString(),
      firstResponseDueAt: c.firstResponseDueAt?.toISOString() ?? null,
      resolutionDueAt: c.resolutionDueAt?.toISOString() ?? null,
      confidential: c.confidential,
    },
  };
}
