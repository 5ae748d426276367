import { AuditEntry } from 'src/modules/audit/audit-entry.entity';
import { PpidUnit } from 'src/modules/bodies/ppid-unit.entity';
import { PublicBody } from 'src/modules/bodies/public-body.entity';
import { Region } from 'src/modules/bodies/region.entity';
import { CalendarYear } from 'src/modules/calendar/calendar-year.entity';
import { Holiday } from 'src/modules/calendar/holiday.entity';
import { StoredFile } from 'src/modules/files/stored-file.entity';
import { RequestDocument } from 'src/modules/requests/request-document.entity';
import { RequestEvent } from 'src/modules/requests/request-event.entity';
import { InformationRequest } from 'src/modules/requests/request.entity';

/** Every entity the data source maps. */
export const ENTITIES = [Region, PublicBody, PpidUnit, Holiday, CalendarYear, StoredFile, InformationRequest, RequestEvent, RequestDocument, AuditEntry];
