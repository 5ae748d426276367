import { WEEKDAYS, checkBodyDetails, formatDayHours, nipProblem, serviceHoursFrom } from 'src/modules/bodies';
import { demoBodyDetails, demoNip, demoUnitDetails } from './demo-office-details';

const SURABAYA = { regionCode: '35.78', regionName: 'Kota Surabaya', kind: 'kota' as const, opensAt: '08:00', closesAt: '16:00' };

describe('demo office details', () => {
  it('should give every demo body details the admin form would accept, at example.org', () => {
    const details = demoBodyDetails(SURABAYA);
    const hours = serviceHoursFrom(details.serviceHours);
    const form: Record<string, string> = {
      address: details.address ?? '',
      phone: details.phone ?? '',
      email: details.email ?? '',
      website: details.website ?? '',
      atasanName: details.atasanName ?? '',
      atasanPosition: details.atasanPosition ?? '',
      atasanAddress: details.atasanAddress ?? '',
    };
    for (const day of WEEKDAYS) form[`hours_${day}`] = hours ? formatDayHours(hours[day]) : '';

    expect(checkBodyDetails(form)).toEqual({ ok: true, value: details });
    expect(details.email).toBe('ppid@kota-surabaya.example.org');
    expect(details.atasanPosition).toBe('Sekretaris Daerah Kota Surabaya');
    expect(details.website).toBe('https://ppid.kota-surabaya.example.org');
  });

  it('should invent NIPs that pass the NIP check, the same for the same unit', () => {
    for (let id = 1; id <= 300; id++) {
      const nip = demoNip(`${id}:PPID Pelaksana Dinas Kesehatan`);
      expect({ nip, problem: nipProblem(nip) }).toEqual({ nip, problem: null });
    }
    expect(demoNip('7:x')).toBe(demoNip('7:x'));
  });

  it('should name the signer of a PPID Pelaksana after its office', () => {
    const unit = demoUnitDetails({ id: 9, name: 'PPID Pelaksana Dinas Kesehatan', level: 'pelaksana' }, SURABAYA);
    expect(unit.signerPosition).toBe('Sekretaris Dinas Kesehatan selaku PPID Pelaksana');
    expect(unit.address).toBeNull();
  });
});
