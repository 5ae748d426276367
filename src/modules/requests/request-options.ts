/** The statutory choices of the request form, with their Indonesian labels. */
export const REQUESTER_TYPES = {
  individual: 'Perorangan',
  organization: 'Badan hukum',
  group: 'Kelompok orang',
} as const;

export const OBTAIN_METHODS = {
  view: 'Melihat',
  read: 'Membaca',
  listen: 'Mendengarkan',
  note: 'Mencatat',
  copy_soft: 'Mendapatkan salinan (softcopy)',
  copy_hard: 'Mendapatkan salinan (hardcopy)',
} as const;

export const COPY_DELIVERIES = {
  pickup: 'Mengambil langsung',
  courier: 'Kurir',
  post: 'Pos',
  fax: 'Faksimili',
  email: 'Surat elektronik (e-mail)',
} as const;

export const CHANNELS = {
  online: 'Daring (online)',
  walk_in: 'Datang langsung',
  letter: 'Surat',
  email: 'Surat elektronik (e-mail)',
  phone: 'Telepon',
} as const;

export type RequesterType = keyof typeof REQUESTER_TYPES;
export type ObtainMethod = keyof typeof OBTAIN_METHODS;
export type CopyDelivery = keyof typeof COPY_DELIVERIES;
export type Channel = keyof typeof CHANNELS;

export function isCopy(method: ObtainMethod): boolean {
  return method === 'copy_soft' || method === 'copy_hard';
}

export function optionsOf<T extends Record<string, string>>(labels: T, selected?: string): { value: string; label: string; selected: boolean }[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label, selected: value === selected }));
}
