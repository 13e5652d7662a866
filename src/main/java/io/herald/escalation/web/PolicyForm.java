package io.herald.escalation.web;

import java.util.ArrayList;
import java.util.List;

import io.herald.escalation.OffsetDirection;
import io.herald.escalation.OffsetUnit;
import io.herald.escalation.PolicyChange;
import io.herald.escalation.PolicyStep;
import io.herald.escalation.PolicyView;
import io.herald.escalation.StepAction;
import io.herald.escalation.StepAnchor;
import io.herald.escalation.StepDraft;
import io.herald.escalation.StepMedium;
import io.herald.shared.SingleLine;
import jakarta.validation.Valid;

/**
 * A policy's steps as rows of a form, plus empty rows for adding steps. A row left empty
 * (no amount, no action) is not a step; a row marked for removal neither.
 */
class PolicyForm {

	static final int EMPTY_ROWS = 2;

	private long version;

	@Valid
	private List<StepRow> steps = new ArrayList<>();

	static PolicyForm of(PolicyView policy) {
		PolicyForm form = new PolicyForm();
		form.version = policy.version();
		for (PolicyStep step : policy.steps()) {
			StepRow row = new StepRow();
			row.setCode(step.code());
			row.setAmount(step.amount());
			row.setUnit(step.unit());
			row.setDirection(step.direction());
			row.setAnchor(step.anchor());
			row.setAction(step.action());
			row.setMedium(step.medium());
			form.steps.add(row);
		}
		form.addEmptyRows();
		return form;
	}

	void addEmptyRows() {
		for (int i = 0; i < EMPTY_ROWS; i++) {
			StepRow row = new StepRow();
			row.setUnit(OffsetUnit.HOURS);
			row.setDirection(OffsetDirection.AFTER);
			row.setAnchor(StepAnchor.DUE);
			row.setMedium(StepMedium.EMAIL);
			this.steps.add(row);
		}
	}

	PolicyChange toChange(long policyId) {
		List<StepDraft> drafts = new ArrayList<>();
		for (int i = 0; i < this.steps.size(); i++) {
			StepRow row = this.steps.get(i);
			if (row != null && !row.isRemove() && !row.isEmpty()) {
				drafts.add(new StepDraft(i, row.getCode(), row.getAmount(), row.getUnit(), row.getDirection(),
						row.getAnchor(), row.getAction(), row.getMedium()));
			}
		}
		return new PolicyChange(policyId, this.version, drafts);
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public List<StepRow> getSteps() {
		return this.steps;
	}

	public void setSteps(List<StepRow> steps) {
		this.steps = steps;
	}

	/**
	 * One step: "{amount} {unit} {direction} {anchor}: {action} by {medium}".
	 */
	public static class StepRow {

		@SingleLine
		private String code;

		private Integer amount;

		private OffsetUnit unit;

		private OffsetDirection direction;

		private StepAnchor anchor;

		private StepAction action;

		private StepMedium medium;

		private boolean remove;

		boolean isEmpty() {
			return this.amount == null && this.action == null;
		}

		public String getCode() {
			return this.code;
		}

		public void setCode(String code) {
			this.code = code;
		}

		public Integer getAmount() {
			return this.amount;
		}

		public void setAmount(Integer amount) {
			this.amount = amount;
		}

		public OffsetUnit getUnit() {
			return this.unit;
		}

		public void setUnit(OffsetUnit unit) {
			this.unit = unit;
		}

		public OffsetDirection getDirection() {
			return this.direction;
		}

		public void setDirection(OffsetDirection direction) {
			this.direction = direction;
		}

		public StepAnchor getAnchor() {
			return this.anchor;
		}

		public void setAnchor(StepAnchor anchor) {
			this.anchor = anchor;
		}

		public StepAction getAction() {
			return this.action;
		}

		public void setAction(StepAction action) {
			this.action = action;
		}

		public StepMedium getMedium() {
			return this.medium;
		}

		public void setMedium(StepMedium medium) {
			this.medium = medium;
		}

		public boolean isRemove() {
			return this.remove;
		}

		public void setRemove(boolean remove) {
			this.remove = remove;
		}

	}

}
