#!/usr/bin/env python3
"""One-off refactoring of issue 13, kept for the record: folds the flat complaint-handling model (109 flow nodes on one
canvas) into stages (embedded sub-processes, so every activity id stays), routes all SLA timers into one handler
("When an SLA clock runs out") and makes the tier's entry point explicit. Writes the model without diagram
interchange; `node tools/model/layout.mjs` then draws it. Usage: python3 tools/model/stage-lifecycle.py IN OUT"""
import sys
import xml.etree.ElementTree as ET

NS = {
    'bpmn': 'http://www.omg.org/spec/BPMN/20100524/MODEL',
    'bpmndi': 'http://www.omg.org/spec/BPMN/20100524/DI',
    'dc': 'http://www.omg.org/spec/DD/20100524/DC',
    'di': 'http://www.omg.org/spec/DD/20100524/DI',
    'xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'camunda': 'http://camunda.org/schema/1.0/bpmn',
    'modeler': 'http://camunda.org/schema/modeler/1.0',
}
for prefix, uri in NS.items():
    ET.register_namespace(prefix, uri)
B = '{%s}' % NS['bpmn']
C = '{%s}' % NS['camunda']
XSI_TYPE = '{%s}type' % NS['xsi']

tree = ET.parse(sys.argv[1])
definitions = tree.getroot()
for diagram in definitions.findall(B + 'BPMNDiagram', NS) + definitions.findall('{%s}BPMNDiagram' % NS['bpmndi']):
    definitions.remove(diagram)
process = definitions.find(B + 'process')


def parent_map():
    return {child: parent for parent in definitions.iter() for child in parent}


def find(element_id):
    for element in definitions.iter():
        if element.get('id') == element_id:
            return element
    raise KeyError(element_id)


def remove(*ids):
    parents = parent_map()
    for element_id in ids:
        element = find(element_id)
        parents[element].remove(element)


def flows():
    return [e for e in definitions.iter(B + 'sequenceFlow')]


def remove_flows_touching(*ids):
    parents = parent_map()
    for flow in flows():
        if flow.get('sourceRef') in ids or flow.get('targetRef') in ids:
            parents[flow].remove(flow)


def flow(container, source, target, name=None, condition=None, flow_id=None):
    element = ET.SubElement(container, B + 'sequenceFlow', {'id': flow_id or f'Flow_{source}_to_{target}'})
    if name:
        element.set('name', name)
    element.set('sourceRef', source)
    element.set('targetRef', target)
    if condition:
        expression = ET.SubElement(element, B + 'conditionExpression', {XSI_TYPE: 'bpmn:tFormalExpression'})
        expression.text = condition
    return element


def retarget(flow_id, source=None, target=None, name=None, condition=None):
    element = find(flow_id)
    if source:
        element.set('sourceRef', source)
    if target:
        element.set('targetRef', target)
    if name:
        element.set('name', name)
    if condition:
        old = element.find(B + 'conditionExpression')
        if old is not None:
            element.remove(old)
        expression = ET.SubElement(element, B + 'conditionExpression', {XSI_TYPE: 'bpmn:tFormalExpression'})
        expression.text = condition
    return element


def node(container, tag, node_id, name, attributes=None, index=None):
    element = ET.Element(B + tag, {'id': node_id, 'name': name, **(attributes or {})})
    if index is None:
        container.append(element)
    else:
        container.insert(index, element)
    return element


def output(element, variable, value):
    extensions = ET.SubElement(element, B + 'extensionElements')
    io = ET.SubElement(extensions, C + 'inputOutput')
    parameter = ET.SubElement(io, C + 'outputParameter', {'name': variable})
    parameter.text = value


def inputs(element, **values):
    extensions = element.find(B + 'extensionElements')
    if extensions is None:
        extensions = ET.Element(B + 'extensionElements')
        element.insert(0, extensions)
    io = ET.SubElement(extensions, C + 'inputOutput')
    for name, value in values.items():
        ET.SubElement(io, C + 'inputParameter', {'name': name}).text = value


def escalation(code, name):
    element = ET.Element(B + 'escalation', {'id': f'Escalation_{code}', 'name': name, 'escalationCode': code})
    definitions.insert(list(definitions).index(process), element)


def escalation_end(container, end_id, name, code):
    """Turns an existing end event into an escalation end event, or makes a new one."""
    try:
        element = find(end_id)
        element.set('name', name)
    except KeyError:
        element = node(container, 'endEvent', end_id, name)
    ET.SubElement(element, B + 'escalationEventDefinition', {'id': f'{end_id}Definition', 'escalationRef': f'Escalation_{code}'})
    return element


def tier_entry(container, throw_id, name, entry):
    element = node(container, 'intermediateThrowEvent', throw_id, name)
    output(element, 'tierEntry', entry)
    return element


def stage(stage_id, name, member_ids, start_id, start_name, documentation):
    """Moves the members and the flows between them into a new embedded sub-process."""
    parents = parent_map()
    members = [find(i) for i in member_ids]
    index = list(process).index(members[0])
    sub = ET.Element(B + 'subProcess', {'id': stage_id, 'name': name})
    ET.SubElement(sub, B + 'documentation').text = documentation
    process.insert(index, sub)
    node(sub, 'startEvent', start_id, start_name)
    for member in members:
        parents[member].remove(member)
        sub.append(member)
    inside = set(member_ids) | {start_id}
    for f in flows():
        if parents.get(f) is process and f.get('sourceRef') in inside and f.get('targetRef') in inside:
            process.remove(f)
            sub.append(f)
    return sub


# ---- 1. every SLA timer raises an escalation; one handler warns, records the breach, hands over, tells the supervisors
for code, name in [('responseWarning', 'First response due soon'), ('responseBreached', 'First response overdue'),
                   ('resolutionWarning', 'Resolution due soon'), ('resolutionBreached', 'Resolution overdue'),
                   ('handedOver', 'Still no first response'), ('abandoned', 'Customer did not answer'),
                   ('reopened', 'Complaint reopened')]:
    escalation(code, name)

chains = {  # timer -> (steps that now live in the handler, end event kept as the raising end event, code)
    'FirstReplyDueSoon': (['WarnOfFirstReplyDue'], 'FirstReplyWarningSent', 'responseWarning'),
    'FirstReplyOverdue': (['RecordFirstReplyBreach', 'TellSupervisorsOfFirstReplyBreach'], 'FirstReplyBreachReported', 'responseBreached'),
    'EvaluationDueSoon': (['WarnOfEvaluationDue'], 'EvaluationWarningSent', 'resolutionWarning'),
    'EvaluationOverdue': (['RecordEvaluationBreach', 'TellSupervisorsOfEvaluationBreach'], 'EvaluationBreachReported', 'resolutionBreached'),
    'ResolutionSlaWarning': (['WarnOfResolutionDue'], 'ResolutionWarningSent', 'resolutionWarning'),
    'ResponseSlaWarning': (['WarnOfResponseDue'], 'ResponseWarningSent', 'responseWarning'),
    'ResponseSlaBreached': (['RecordResponseBreach', 'TellSupervisorsOfResponseBreach'], 'ResponseBreachReported', 'responseBreached'),
    'ResponseStillMissing': (['HandOverToSupervisors', 'TellSupervisorsOfHandOver'], 'HandedToSupervisors', 'handedOver'),
}
raise_names = {'responseWarning': 'Raise: first response due soon', 'responseBreached': 'Raise: first response overdue',
               'resolutionWarning': 'Raise: resolution due soon', 'resolutionBreached': 'Raise: resolution overdue',
               'handedOver': 'Raise: hand over to the supervisors'}
parents = parent_map()
for timer, (steps, end, code) in chains.items():
    container = parents[find(timer)]
    remove_flows_touching(*steps)
    remove(*steps)
    escalation_end(container, end, raise_names[code], code)
    flow(container, timer, end)

handler = ET.SubElement(process, B + 'subProcess', {'id': 'SlaAlarms', 'name': 'When an SLA clock runs out', 'triggeredByEvent': 'true'})
ET.SubElement(handler, B + 'documentation').text = (
    'Every SLA timer of the lifecycle (first response, resolution, a suggestion\'s first reply and evaluation) raises '
    'its warning or breach here; the escalation code names the notice. Warnings go to whoever holds the task or its '
    'queue, breaches and hand-overs to the supervisors\' digest.')
start = node(handler, 'startEvent', 'SlaAlarmRaised', 'SLA warning or breach raised', {'isInterrupting': 'false'})
ET.SubElement(start, B + 'escalationEventDefinition', {'id': 'SlaAlarmRaisedDefinition', C + 'escalationCodeVariable': 'notice'})
node(handler, 'exclusiveGateway', 'SlaAlarmGateway', 'What ran out?', {'default': 'Flow_SlaAlarmGateway_to_WarnStaff'})
warn = node(handler, 'sendTask', 'WarnStaff', 'Warn the assignee or queue', {C + 'delegateExpression': '${notifyStaff}'})
node(handler, 'endEvent', 'StaffWarned', 'Assignee or queue warned')
record = node(handler, 'serviceTask', 'RecordBreach', 'Record the breach and raise the priority', {C + 'delegateExpression': '${recordBreach}'})
inputs(record, clock="${notice == 'responseBreached' ? 'response' : 'resolution'}")
hand_over = node(handler, 'serviceTask', 'HandOverToSupervisors', 'Hand the task to the supervisors', {C + 'delegateExpression': '${handOverToSupervisors}'})
inputs(hand_over, taskKey='ConfirmComplaint')
node(handler, 'exclusiveGateway', 'SupervisorsJoin', '')
node(handler, 'sendTask', 'TellSupervisors', 'Tell the supervisors', {C + 'delegateExpression': '${notifyStaff}'})
node(handler, 'endEvent', 'SupervisorsTold', 'Supervisors told')
flow(handler, 'SlaAlarmRaised', 'SlaAlarmGateway')
flow(handler, 'SlaAlarmGateway', 'WarnStaff', 'due soon')
flow(handler, 'SlaAlarmGateway', 'RecordBreach', 'overdue', "${notice == 'responseBreached' || notice == 'resolutionBreached'}")
flow(handler, 'SlaAlarmGateway', 'HandOverToSupervisors', 'grace period over', "${notice == 'handedOver'}")
flow(handler, 'WarnStaff', 'StaffWarned')
flow(handler, 'RecordBreach', 'SupervisorsJoin')
flow(handler, 'HandOverToSupervisors', 'SupervisorsJoin')
flow(handler, 'SupervisorsJoin', 'TellSupervisors')
flow(handler, 'TellSupervisors', 'SupervisorsTold')
find('SupervisorsJoin').attrib.pop('name')

# ---- 2. the tier's entry point is explicit: every way into the tier says where it starts
gateway = find('WhereToStartGateway')
gateway.set('name', 'Where does the tier start?')
retarget('Flow_NewCase', name='at confirmation')
retarget('Flow_WhereToStartGateway_to_ReviewInformation', name="at the customer's answer", condition="${tierEntry == 'answer'}")
retarget('Flow_WhereToStartGateway_to_DecideJoin', name='at the solution', condition="${tierEntry == 'solution'}")

# ---- 3. stages
stage('IntakeAndTriage', 'Register and triage',
      ['RegisterComplaint', 'ClassifyComplaint', 'ApplySlaPolicy', 'SetDeadlines', 'SendAcknowledgement'],
      'IntakeStarted', 'Complaint or feedback arrived',
      'Registers the complaint under a ticket number, classifies it (triage table), looks up its SLA (SLA table), '
      'sets the deadlines and queues the acknowledgement.')
node(find('IntakeAndTriage'), 'endEvent', 'ComplaintRegistered', 'Registered and acknowledged')
flow(find('IntakeAndTriage'), 'IntakeStarted', 'RegisterComplaint')
flow(find('IntakeAndTriage'), 'SendAcknowledgement', 'ComplaintRegistered')
remove('Flow_ComplaintReceived_to_RegisterComplaint', 'Flow_SendAcknowledgement_to_FeedbackTypeGateway')
flow(process, 'ComplaintReceived', 'IntakeAndTriage')
flow(process, 'IntakeAndTriage', 'FeedbackTypeGateway')

feedback_members = ['ThankCustomer', 'ClosePraise', 'PraiseThanked', 'EvaluateFeedback', 'ReplyToFeedback',
                    'CloseEvaluatedFeedback', 'FeedbackEvaluated', 'FirstReplyOverdue', 'FirstReplyDueSoon',
                    'EvaluationDueSoon', 'EvaluationOverdue', 'FirstReplyWarningSent', 'FirstReplyBreachReported',
                    'EvaluationWarningSent', 'EvaluationBreachReported']
remove('Flow_FeedbackTypeGateway_to_ThankCustomer', 'Flow_FeedbackTypeGateway_to_EvaluateFeedback')
feedback = stage('AnswerFeedback', 'Answer praise or suggestion', feedback_members, 'FeedbackArrived', 'Feedback arrived',
                 'Praise is thanked and closed; a suggestion or requirement is evaluated by the product owners within '
                 'its first-reply and evaluation deadlines (SLA table) and answered.')
node(feedback, 'exclusiveGateway', 'PraiseGateway', 'Praise?', {'default': 'Flow_PraiseGateway_to_EvaluateFeedback'})
flow(feedback, 'FeedbackArrived', 'PraiseGateway')
flow(feedback, 'PraiseGateway', 'ThankCustomer', 'praise', "${type == 'praise'}")
flow(feedback, 'PraiseGateway', 'EvaluateFeedback', 'suggestion or requirement')
find('FeedbackTypeGateway').set('name', 'Complaint or feedback?')
flow(process, 'FeedbackTypeGateway', 'AnswerFeedback', 'praise, suggestion or requirement',
     "${type == 'praise' || type == 'suggestion' || type == 'requirement'}")
node(process, 'endEvent', 'FeedbackAnswered', 'Feedback answered')
flow(process, 'AnswerFeedback', 'FeedbackAnswered')

tier_entry(process, 'EnterAtConfirmation', 'Tier starts at confirmation', 'confirmation')
retarget('Flow_ProblemOrComplaint', target='EnterAtConfirmation')
flow(process, 'EnterAtConfirmation', 'ResolveJoin')

# not a problem or a duplicate
remove('Flow_TierOutcomeGateway_to_ExplainNotAProblem', 'Flow_TierOutcomeGateway_to_LinkDuplicate')
no_fix = stage('CloseWithoutFix', 'Close without a fix',
               ['ExplainNotAProblem', 'CloseAsNotAProblem', 'ClosedAsNotAProblem', 'LinkDuplicate', 'NotifyDuplicate',
                'CloseAsDuplicate', 'ClosedAsDuplicate'], 'NoFixNeeded', 'Not a problem or a duplicate',
               'The tier found no problem to fix, or the same problem under an earlier ticket: the customer is told why '
               'and the complaint is closed.')
node(no_fix, 'exclusiveGateway', 'NoFixGateway', 'Why?', {'default': 'Flow_NoFixGateway_to_LinkDuplicate'})
flow(no_fix, 'NoFixNeeded', 'NoFixGateway')
flow(no_fix, 'NoFixGateway', 'ExplainNotAProblem', 'not a problem', "${confirmation == 'notAProblem'}")
flow(no_fix, 'NoFixGateway', 'LinkDuplicate', 'duplicate')
flow(process, 'TierOutcomeGateway', 'CloseWithoutFix', 'not a problem or duplicate',
     "${confirmation == 'notAProblem' || confirmation == 'duplicate'}")
node(process, 'endEvent', 'ClosedWithoutFix', 'Closed without a fix')
flow(process, 'CloseWithoutFix', 'ClosedWithoutFix')

# waiting for the customer's answer, with the resolution clock paused
remove('Flow_TierOutcomeGateway_to_PauseResolutionClock', 'Flow_ResumeResolutionClock_to_ResolveJoin',
       'Flow_CloseAsAbandoned_to_ClosedAsAbandoned', 'ClosedAsAbandoned')
wait = stage('WaitForAnswer', "Wait for the customer's answer",
             ['PauseResolutionClock', 'AwaitInformation', 'InformationTimeout', 'CloseAsAbandoned', 'InformationReceived',
              'ResumeResolutionClock'], 'QuestionOut', 'Question out',
             "The resolution clock stands still while the customer's answer is awaited; without an answer in time "
             "(lifecycle properties) the complaint is closed as abandoned.")
flow(wait, 'QuestionOut', 'PauseResolutionClock')
escalation_end(wait, 'ClosedAsAbandoned', 'Closed: abandoned', 'abandoned')
flow(wait, 'CloseAsAbandoned', 'ClosedAsAbandoned')
tier_entry(wait, 'EnterAtAnswer', "Tier starts at the customer's answer", 'answer')
node(wait, 'endEvent', 'AnswerReceived', 'Answer received')
flow(wait, 'ResumeResolutionClock', 'EnterAtAnswer')
flow(wait, 'EnterAtAnswer', 'AnswerReceived')
flow(process, 'TierOutcomeGateway', 'WaitForAnswer', 'needs information', "${confirmation == 'needsInformation'}")
flow(process, 'WaitForAnswer', 'ResolveJoin')
silent = node(process, 'boundaryEvent', 'CustomerNeverAnswered', 'No answer: closed', {'attachedToRef': 'WaitForAnswer'})
ET.SubElement(silent, B + 'escalationEventDefinition', {'id': 'CustomerNeverAnsweredDefinition', 'escalationRef': 'Escalation_abandoned'})
node(process, 'endEvent', 'AbandonedComplaintClosed', 'Closed: abandoned')
flow(process, 'CustomerNeverAnswered', 'AbandonedComplaintClosed')

# escalation to the next tier
remove('Flow_EscalationJoin_to_EscalateToNextTier', 'Flow_TellSupervisorsOfEscalation_to_ResolveJoin')
escalate = stage('EscalateToTheNextTier', 'Escalate to the next tier', ['EscalateToNextTier', 'TellSupervisorsOfEscalation'],
                 'EscalationStarted', 'Deadline missed or cannot resolve',
                 'The complaint moves to the next tier with a fresh resolution deadline and the supervisors are told. '
                 'The next tier starts at the solution if the complaint was confirmed, else at confirmation.')
node(escalate, 'exclusiveGateway', 'ConfirmedGateway', 'Confirmed at the last tier?', {'default': 'Flow_ConfirmedGateway_to_EnterAtConfirmationAgain'})
tier_entry(escalate, 'EnterAtSolution', 'Next tier starts at the solution', 'solution')
tier_entry(escalate, 'EnterAtConfirmationAgain', 'Next tier starts at confirmation', 'confirmation')
node(escalate, 'exclusiveGateway', 'NextTierJoin', '')
find('NextTierJoin').attrib.pop('name')
node(escalate, 'endEvent', 'NextTierTakesOver', 'Next tier takes over')
flow(escalate, 'EscalationStarted', 'EscalateToNextTier')
flow(escalate, 'TellSupervisorsOfEscalation', 'ConfirmedGateway')
flow(escalate, 'ConfirmedGateway', 'EnterAtSolution', 'confirmed', "${execution.getVariable('confirmation') == 'confirmed'}")
flow(escalate, 'ConfirmedGateway', 'EnterAtConfirmationAgain', 'not yet')
flow(escalate, 'EnterAtSolution', 'NextTierJoin')
flow(escalate, 'EnterAtConfirmationAgain', 'NextTierJoin')
flow(escalate, 'NextTierJoin', 'NextTierTakesOver')
flow(process, 'EscalationJoin', 'EscalateToTheNextTier')
flow(process, 'EscalateToTheNextTier', 'ResolveJoin')

# compensation and the resolution notice
remove('Flow_TierResolved', 'Flow_NotifyResolution_to_AwaitObservation')
notify = stage('CompensateAndNotify', 'Compensate and tell the customer',
               ['DetermineCompensation', 'CompensationDueGateway', 'CompensationApprovalGateway', 'ApproveCompensation',
                'CompensationApprovedGateway', 'IssueJoin', 'IssueCompensation', 'NotifyJoin', 'MarkResolved',
                'NotifyResolution'], 'SolutionInPlace', 'Solution in place',
               'Compensation by the compensation table (approved by a supervisor above its limit), the complaint '
               'marked resolved, and the customer told problem, cause, solution and compensation.')
node(notify, 'endEvent', 'CustomerToldOfResolution', 'Customer told')
flow(notify, 'SolutionInPlace', 'DetermineCompensation')
flow(notify, 'NotifyResolution', 'CustomerToldOfResolution')
flow(process, 'TierOutcomeGateway', 'CompensateAndNotify', 'resolved', flow_id='Flow_TierResolved')
find('TierOutcomeGateway').set('default', 'Flow_TierResolved')

# follow-up: the fix holds, the survey, a reopening
remove('Flow_CloseJoin_to_AssessIncidentReview', 'Flow_ReopenAtNextTier_to_ResolveJoin')
follow = stage('FollowUp', 'Follow up',
               ['AwaitObservation', 'ObservationPeriod', 'ProblemReportedAgain', 'ReviewJoin', 'SendSurvey', 'SurveySent',
                'AwaitSurvey', 'SurveyAnswered', 'SurveyTimeout', 'AssessSurveyAnswer', 'SatisfactionGateway',
                'ReviewReopen', 'ReopenGateway', 'ReopenAtNextTier', 'CloseJoin'], 'FollowUpStarted', 'Customer told',
               'The fix is watched for the observation period, then the customer is asked for an opinion (survey '
               'review table). An unhappy customer or a problem reported again goes to the supervisors, who may reopen '
               'the complaint at the next tier.')
flow(follow, 'FollowUpStarted', 'AwaitObservation')
tier_entry(follow, 'EnterAtSolutionAfterReopening', 'Next tier starts at the solution', 'solution')
escalation_end(follow, 'Reopened', 'Reopened', 'reopened')
node(follow, 'endEvent', 'FollowUpDone', 'Follow-up done')
flow(follow, 'ReopenAtNextTier', 'EnterAtSolutionAfterReopening')
flow(follow, 'EnterAtSolutionAfterReopening', 'Reopened')
flow(follow, 'CloseJoin', 'FollowUpDone')
flow(process, 'CompensateAndNotify', 'FollowUp')
reopened = node(process, 'boundaryEvent', 'ComplaintReopened', 'Reopened', {'attachedToRef': 'FollowUp'})
ET.SubElement(reopened, B + 'escalationEventDefinition', {'id': 'ComplaintReopenedDefinition', 'escalationRef': 'Escalation_reopened'})
flow(process, 'ComplaintReopened', 'ResolveJoin')

remove('Flow_CloseResolvedComplaint_to_ComplaintClosed')
close = stage('CloseAndLearn', 'Close and learn',
              ['AssessIncidentReview', 'IncidentReviewGateway', 'WriteIncidentReview', 'IncidentReviewJoin',
               'CloseResolvedComplaint'], 'ClosingStarted', 'Follow-up done',
              'Serious cases (incident review table) get an incident review by the supervisors before the complaint '
              'is closed.')
node(close, 'endEvent', 'Closed', 'Closed')
flow(close, 'ClosingStarted', 'AssessIncidentReview')
flow(close, 'CloseResolvedComplaint', 'Closed')
flow(process, 'FollowUp', 'CloseAndLearn')
flow(process, 'CloseAndLearn', 'ComplaintClosed')

# ---- 4. incoming/outgoing references from the flows
for element in definitions.iter():
    for ref in element.findall(B + 'incoming') + element.findall(B + 'outgoing'):
        element.remove(ref)
references = {}
for f in flows():
    references.setdefault(f.get('sourceRef'), ([], []))[1].append(f.get('id'))
    references.setdefault(f.get('targetRef'), ([], []))[0].append(f.get('id'))
for element in list(definitions.iter()):
    if element.get('id') in references and element.tag != B + 'sequenceFlow':
        incoming, outgoing = references[element.get('id')]
        position = 0
        for child in list(element):
            if child.tag in (B + 'documentation', B + 'extensionElements'):
                position += 1
        for ref_id in incoming:
            ET.Element(B + 'incoming').text = ref_id
            element.insert(position, ET.Element(B + 'incoming'))
            element[position].text = ref_id
            position += 1
        for ref_id in outgoing:
            element.insert(position, ET.Element(B + 'outgoing'))
            element[position].text = ref_id
            position += 1

# flows after nodes within each container, as Modeler writes them
for container in [process] + list(process.iter(B + 'subProcess')):
    sequence = [c for c in container if c.tag == B + 'sequenceFlow']
    for f in sequence:
        container.remove(f)
        container.append(f)

ET.indent(tree, space='  ')
tree.write(sys.argv[2], encoding='UTF-8', xml_declaration=True)
with open(sys.argv[2], encoding='utf-8') as written:
    text = written.read().replace("<?xml version='1.0' encoding='UTF-8'?>", '<?xml version="1.0" encoding="UTF-8"?>')
with open(sys.argv[2], 'w', encoding='utf-8') as rewritten:
    rewritten.write(text + ('' if text.endswith('\n') else '\n'))
