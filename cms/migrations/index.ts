import * as migration_20261122_013955_init from './20261122_013955_init';

export const migrations = [
  {
    up: migration_20261122_013955_init.up,
    down: migration_20261122_013955_init.down,
    name: '20261122_013955_init'
  },
];
