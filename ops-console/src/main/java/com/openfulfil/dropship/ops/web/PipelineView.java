package com.openfulfil.dropship.ops.web;

import com.openfulfil.dropship.ops.domain.Funnel;
import com.openfulfil.dropship.ops.pipeline.PipelineSnapshot;

/** What the pipeline page polls: topics, consumer lag and the order funnel ({@code funnel} absent while it restores). */
record PipelineView(PipelineSnapshot pipeline, Funnel funnel) {
}
