import * as migration_20261122_013955_init from './20261122_013955_init';
import * as migration_20261122_044140_mail from './20261122_044140_mail';
import * as migration_20261203_133526_access_and_limits from './20261203_133526_access_and_limits';
import * as migration_20261203_152828_folder_import from './20261203_152828_folder_import';

export const migrations = [
  {
    up: migration_20261122_013955_init.up,
    down: migration_20261122_013955_init.down,
    name: '20261122_013955_init',
  },
  {
    up: migration_20261122_044140_mail.up,
    down: migration_20261122_044140_mail.down,
    name: '20261122_044140_mail',
  },
  {
    up: migration_20261203_133526_access_and_limits.up,
    down: migration_20261203_133526_access_and_limits.down,
    name: '20261203_133526_access_and_limits',
  },
  {
    up: migration_20261203_152828_folder_import.up,
    down: migration_20261203_152828_folder_import.down,
    name: '20261203_152828_folder_import'
  },
];
