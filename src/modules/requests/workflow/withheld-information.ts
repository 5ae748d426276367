import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** What a refusal or partial grant withheld, with its consequence test: what the register of exempted information is built from. */
export interface WithheldInformation {
  consequenceTestId: string;
  requestId: string;
  registrationNumber: string;
  bodyId: number;
  /** The unit that holds the information (the request's unit). */
  unitId: number;
  unitName: string;
  decision: 'refused' | 'partially_granted';
  /** The local date of the decision (the letter's date). */
  decidedOn: string;
  ground: string;
  law: string | null;
  until: string | null;
  information: string;
  consequence: string;
  testedOn: string;
  /** The requester's name and other own strings (e-mail, NIK, phone, address, registration number), never to appear in the public register. */
  requesterName: string;
  personal: string[];
  /** An active exempted item the officer chose to link the test to; null: a new item. */
  existingItemId: number | null;
  actorId: number | null;
}

export interface ExemptItemOption {
  id: number;
  title: string;
  ground: string;
  until: string | null;
}

/** The keeper of the register (the DIP), registered by its module at start. */
export interface WithheldInformationKeeper {
  /** Why the chosen item cannot take this test (another body's, not exempted, another ground), or null. */
  checkExisting(bodyId: number, itemId: number, ground: string): Promise<string | null>;
  /** Adds or links the item, in the decision's own transaction. */
  record(m: EntityManager, w: WithheldInformation, now: Date): Promise<void>;
  /** The active exempted items of a body an officer may link a refusal to. */
  options(bodyId: number): Promise<ExemptItemOption[]>;
}

/**
 * Where a refusal's consequence test goes besides the request (UU 14/2008 Pasal 17, 19): the
 * register of exempted information registers itself here, so that the requests module does not
 * depend on it. Without a keeper (a module set without the DIP) nothing is registered.
 */
@Injectable()
export class WithheldInformationRegister {
  private keeper: WithheldInformationKeeper | null = null;

  register(keeper: WithheldInformationKeeper): void {
    this.keeper = keeper;
  }

  checkExisting(bodyId: number, itemId: number, ground: string): Promise<string | null> {
    return this.keeper ? this.keeper.checkExisting(bodyId, itemId, ground) : Promise.resolve('Daftar informasi yang dikecualikan tidak tersedia.');
  }

  async record(m: EntityManager, w: WithheldInformation, now: Date): Promise<void> {
    await this.keeper?.record(m, w, now);
  }

  options(bodyId: number): Promise<ExemptItemOption[]> {
    return this.keeper ? this.keeper.options(bodyId) : Promise.resolve([]);
  }
}
