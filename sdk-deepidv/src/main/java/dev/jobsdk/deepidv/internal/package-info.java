/** Implementation of the DeepIDV client; not API. */
package dev.jobsdk.deepidv.internal;
