import * as core from 'kubernetes-models/v1';
import * as apps from 'kubernetes-models/apps/v1';
import * as batch from 'kubernetes-models/batch/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';
import * as policy from 'kubernetes-models/policy/v1';
import * as monitoring from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { describeObject, K8sObject } from './kustomize';

type ModelClass = new (data: object) => { validate(): void };

/**
 * The JSON schemas of the API versions our manifests use: kubernetes-models ships the built-in kinds' OpenAPI
 * schemas (compiled validators), @kubernetes-models/prometheus-operator the CRDs' (ServiceMonitor, PrometheusRule).
 * An apiVersion missing here fails validation rather than passing unchecked.
 */
const MODELS: Record<string, Record<string, unknown>> = {
  v1: core,
  'apps/v1': apps,
  'batch/v1': batch,
  'autoscaling/v2': autoscaling,
  'policy/v1': policy,
  'monitoring.coreos.com/v1': monitoring,
};

/** Throws, naming the object and the failing path, when it does not match its kind's schema. */
export function validateManifest(object: K8sObject): void {
  const models = MODELS[object.apiVersion];
  const Model = models?.[object.kind] as ModelClass | undefined;
  if (typeof Model !== 'function') throw new Error(`${describeObject(object)}: no schema for ${object.apiVersion} ${object.kind}`);
  const { apiVersion: _apiVersion, kind: _kind, ...data } = object;
  try {
    new Model(data).validate();
  } catch (error) {
    throw new Error(`${describeObject(object)} does not match the ${object.apiVersion} ${object.kind} schema: ${(error as Error).message}`);
  }
}
