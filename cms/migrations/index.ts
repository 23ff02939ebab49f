import * as migration_20261122_013955_init from './20261122_013955_init';
import * as migration_20261122_044140_mail from './20261122_044140_mail';

export const migrations = [
  {
    up: migration_20261122_013955_init.up,
    down: migration_20261122_013955_init.down,
    name: '20261122_013955_init',
  },
  {
    up: migration_20261122_044140_mail.up,
    down: migration_20261122_044140_mail.down,
    name: '20261122_044140_mail'
  },
];
