/**
 * Every resolver, by type. The abstract types resolve by the `kind` their models carry; the
 * federation entities (`@key` in the SDL) also resolve a reference by id.
 */
import { DateTimeResolver, DurationResolver, SafeIntResolver } from 'graphql-scalars';
import type { Resolvers } from '../schema/generated';
import { connectionFields } from './connectionFields';
import { entityReference } from './entityReferences';
import {
  ExternalSourceConfiguration,
  ExternalSourceConfigurationDetails,
} from './ExternalSourceConfiguration';
import { ImportJob } from './ImportJob';
import { KendraDataSource, KendraIndex } from './kendra';
import { QBusinessApplication, QBusinessDataSource, QBusinessIndex } from './qbusiness';
import { QConnectKnowledgeBase } from './qconnect';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { Subscription } from './Subscription';
import { SyncJob } from './SyncJob';
import { resolveKind } from './typeResolvers';

export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  SafeInt: SafeIntResolver,
  Duration: DurationResolver,
  Node: { __resolveType: resolveKind },
  Job: { __resolveType: resolveKind as never, ...entityReference('Job') },
  JobSource: { __resolveType: resolveKind as never, ...entityReference('JobSource') },
  Query,
  Mutation,
  Subscription,
  SyncJob: { ...SyncJob, ...entityReference('SyncJob') },
  ImportJob: { ...ImportJob, ...entityReference('ImportJob') },
  ExternalSourceConfiguration,
  ExternalSourceConfigurationDetails,
  KendraIndex: { ...KendraIndex, ...entityReference('KendraIndex') },
  KendraDataSource: { ...KendraDataSource, ...entityReference('KendraDataSource') },
  QBusinessApplication: { ...QBusinessApplication, ...entityReference('QBusinessApplication') },
  QBusinessIndex: { ...QBusinessIndex, ...entityReference('QBusinessIndex') },
  QBusinessDataSource: { ...QBusinessDataSource, ...entityReference('QBusinessDataSource') },
  QConnectKnowledgeBase: { ...QConnectKnowledgeBase, ...entityReference('QConnectKnowledgeBase') },
  SyncJobConnection: connectionFields,
  ImportJobConnection: connectionFields,
  JobConnection: connectionFields,
  JobSourceConnection: connectionFields,
  KendraIndexConnection: connectionFields,
  QBusinessApplicationConnection: connectionFields,
  QBusinessIndexConnection: connectionFields,
  QConnectKnowledgeBaseConnection: connectionFields,
};
