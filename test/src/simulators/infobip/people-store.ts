import { BUSINESS_ERROR_TEXT, type InfobipBusinessError } from './infobip-errors.js';

/** An identity as personalize takes it. */
export interface SimIdentity {
  readonly externalId?: string;
  readonly phoneNumber?: string;
  readonly email?: string;
}

/** A person profile: the unique keys that push registrations are personalized with. */
export interface SimPerson {
  readonly id: number;
  externalId: string | undefined;
  readonly phones: string[];
  readonly emails: string[];
}

/** A push registration as the SDK created it and the API changed it. */
export interface SimRegistration {
  readonly registrationId: string;
  readonly applicationId: string;
  isPrimary: boolean;
  additionalData: Record<string, string | number | boolean>;
  readonly systemData: {
    cloudType: string;
    registrationEnabled: boolean;
    notificationsEnabled: boolean;
    sdkVersion: string;
    appVersion: string;
    os: string;
    osVersion: string;
    deviceManufacturer: string;
    deviceModel: string;
    deviceSecure: boolean;
    osLanguage: string;
    deviceTimezoneOffset: string;
    deviceName: string;
  };
  /** The person it is personalized with; undefined = depersonalized. */
  personId: number | undefined;
}

/** What a test reads back about a registration. */
export interface RegistrationView {
  readonly registrationId: string;
  readonly registrationEnabled: boolean;
  readonly isPrimary: boolean;
  readonly additionalData: Readonly<Record<string, string | number | boolean>>;
  /** The person's keys, or null when depersonalized. */
  readonly person: {
    readonly externalId?: string;
    readonly phones: string[];
    readonly emails: string[];
  } | null;
}

/** A personalize refusal: the legacy business error and its HTTP status (400, as assumed by the reference). */
export interface PersonalizeRefusal {
  readonly messageId: InfobipBusinessError;
  readonly text: string;
}

const NULL_SPELLINGS = /^null$/i;

/**
 * The People data behind the push endpoints: registrations (created by the SDK, never by the API) and
 * persons keyed by externalId, phone and email, with personalize's matching rules (seed:001, seed:004).
 */
export class PeopleStore {
  private readonly registrations = new Map<string, SimRegistration>();
  private readonly persons = new Map<number, SimPerson>();
  private nextPersonId = 1;

  constructor(private readonly applicationId: string) {}

  /** Creates registrations as the SDK would on first launch (idempotent). */
  register(registrationIds: Iterable<string>, os: 'Android' | 'iOS' = 'Android'): void {
    for (const registrationId of registrationIds) {
      if (this.registrations.has(registrationId)) continue;
      this.registrations.set(registrationId, {
        registrationId,
        applicationId: this.applicationId,
        isPrimary: false,
        additionalData: {},
        systemData: {
          cloudType: os === 'iOS' ? 'APNS' : 'GCM',
          registrationEnabled: true,
          notificationsEnabled: true,
          sdkVersion: '12.6.1',
          appVersion: '5.3.0',
          os,
          osVersion: os === 'iOS' ? '17.5' : '14',
          deviceManufacturer: os === 'iOS' ? 'Apple' : 'Google',
          deviceModel: os === 'iOS' ? 'iPhone15,2' : 'Pixel 8',
          deviceSecure: true,
          osLanguage: 'nl',
          deviceTimezoneOffset: 'GMT+02:00',
          deviceName: os === 'iOS' ? 'iPhone' : 'Pixel',
        },
        personId: undefined,
      });
    }
  }

  get(registrationId: string): SimRegistration | undefined {
    return this.registrations.get(registrationId);
  }

  /** Every registration id. */
  ids(): string[] {
    return [...this.registrations.keys()];
  }

  /** The API representation (PushApiInstance). */
  instance(registration: SimRegistration): unknown {
    return {
      registrationId: registration.registrationId,
      applicationId: registration.applicationId,
      isPrimary: registration.isPrimary,
      additionalData: registration.additionalData,
      systemData: registration.systemData,
    };
  }

  view(registrationId: string): RegistrationView | undefined {
    const registration = this.registrations.get(registrationId);
    if (registration === undefined) return undefined;
    const person = registration.personId === undefined ? undefined : this.persons.get(registration.personId);
    return {
      registrationId,
      registrationEnabled: registration.systemData.registrationEnabled,
      isPrimary: registration.isPrimary,
      additionalData: { ...registration.additionalData },
      person:
        person === undefined
          ? null
          : {
              ...(person.externalId === undefined ? {} : { externalId: person.externalId }),
              phones: [...person.phones],
              emails: [...person.emails],
            },
    };
  }

  /**
   * Personalizes: finds the person of the identity (creating one when none matches) and attaches the
   * registration — refused when it is personalized with someone else and `force` is off, or when the
   * identity matches several persons.
   */
  personalize(
    registration: SimRegistration,
    raw: SimIdentity,
    force: boolean,
  ): { person: SimPerson } | { refusal: PersonalizeRefusal } {
    const identity = cleanIdentity(raw);
    const refuse = (messageId: InfobipBusinessError) => ({
      refusal: { messageId, text: BUSINESS_ERROR_TEXT[messageId] },
    });
    if (
      identity.externalId === undefined &&
      identity.phoneNumber === undefined &&
      identity.email === undefined
    )
      return refuse('USER_IDENTITY_INVALID');
    if (identity.phoneNumber !== undefined && !/^\d{8,15}$/.test(identity.phoneNumber))
      return refuse('PHONE_INVALID');
    if (identity.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(identity.email))
      return refuse('EMAIL_INVALID');
    const matches = new Set<number>();
    for (const person of this.persons.values()) {
      if (
        (identity.externalId !== undefined && person.externalId === identity.externalId) ||
        (identity.phoneNumber !== undefined && person.phones.includes(identity.phoneNumber)) ||
        (identity.email !== undefined && person.emails.includes(identity.email))
      )
        matches.add(person.id);
    }
    if (matches.size > 1) return refuse('AMBIGUOUS_PERSONALIZE_CANDIDATES');
    const [matchId] = [...matches];
    if (registration.personId !== undefined && registration.personId !== matchId && !force)
      return refuse('PERSONALIZATION_IMPOSSIBLE');
    let person = matchId === undefined ? undefined : this.persons.get(matchId);
    if (person === undefined) {
      person = { id: this.nextPersonId++, externalId: undefined, phones: [], emails: [] };
      this.persons.set(person.id, person);
    }
    if (identity.externalId !== undefined) person.externalId ??= identity.externalId;
    if (identity.phoneNumber !== undefined && !person.phones.includes(identity.phoneNumber))
      person.phones.push(identity.phoneNumber);
    if (identity.email !== undefined && !person.emails.includes(identity.email))
      person.emails.push(identity.email);
    registration.personId = person.id;
    return { person };
  }

  /** The person as personalize returns it. */
  personBody(person: SimPerson): unknown {
    return {
      ...(person.externalId === undefined ? {} : { externalId: person.externalId }),
      contactInformation: {
        phones: person.phones.map((number) => ({ number })),
        emails: person.emails.map((address) => ({ address })),
      },
    };
  }
}

/** "null", "Null", "NULL" external ids are JSON null to Infobip. */
function cleanIdentity(identity: SimIdentity): SimIdentity {
  const externalId =
    typeof identity.externalId === 'string' &&
    !NULL_SPELLINGS.test(identity.externalId.trim()) &&
    identity.externalId !== ''
      ? identity.externalId
      : undefined;
  return {
    ...(externalId === undefined ? {} : { externalId }),
    ...(typeof identity.phoneNumber === 'string' ? { phoneNumber: identity.phoneNumber } : {}),
    ...(typeof identity.email === 'string' ? { email: identity.email } : {}),
  };
}
