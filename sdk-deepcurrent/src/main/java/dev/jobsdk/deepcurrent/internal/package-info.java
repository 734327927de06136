/** Implementation of the DeepCurrent client; not part of the API. */
package dev.jobsdk.deepcurrent.internal;
