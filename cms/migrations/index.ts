import * as migration_20261122_013955_init from './20261122_013955_init';
import * as migration_20261122_044140_mail from './20261122_044140_mail';
import * as migration_20261203_133526_access_and_limits from './20261203_133526_access_and_limits';
import * as migration_20261203_164349_members from './20261203_164349_members';
import * as migration_20261203_173744_folder_import from './20261203_173744_folder_import';
import * as migration_20261203_205858_study_meetings_questions from './20261203_205858_study_meetings_questions';
import * as migration_20261203_210446_study_stats_index from './20261203_210446_study_stats_index';

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
    up: migration_20261203_164349_members.up,
    down: migration_20261203_164349_members.down,
    name: '20261203_164349_members',
  },
  {
    up: migration_20261203_173744_folder_import.up,
    down: migration_20261203_173744_folder_import.down,
    name: '20261203_173744_folder_import',
  },
  {
    up: migration_20261203_205858_study_meetings_questions.up,
    down: migration_20261203_205858_study_meetings_questions.down,
    name: '20261203_205858_study_meetings_questions',
  },
  {
    up: migration_20261203_210446_study_stats_index.up,
    down: migration_20261203_210446_study_stats_index.down,
    name: '20261203_210446_study_stats_index'
  },
];
